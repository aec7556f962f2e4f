/**
 * How every command-line tool of the store (migrate, replay, export, import-outcomes) stops on a
 * bad flag or a refused run: one line on stderr, exit 2 (1 is kept for "ran, and found a difference").
 */
export function failCli(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
