import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AREAS, DICTIONARIES } from '../apps/console/src/i18n';
import { REJECTION_REASONS } from '../libs/domain/src/dtask/rejection';
import { EVENT_TYPES } from '../libs/events/src/registry';

const SRC = join(__dirname, '..', 'apps', 'console', 'src');

/**
 * Finnish or Swedish words that are rightly the same as the English ones (reviewed): rule and
 * standard names, file formats, units, and words the three languages share.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'OK',
  'S2',
  'CSV',
  'NDJSON',
  'Median', // sv
  'Patient', // sv
  'Fall', // sv: a fall (ERC task code 745)
  'Päivystysapu 116117',
  // The region's EMS areas: English writes their Finnish names.
  'Oulu-Hailuoto',
  'Oulun eteläinen',
  'Oulunkaari',
  'Selänne',
  'Raahe',
  'Koillismaa',
  'Jokilaaksot',
]);

/** What a raw code looks like: kebab-case (`second-contact`), snake case, camelCase or an event type (`AssessmentRecorded`). */
const RAW_CODE = [
  { name: 'kebab-case', pattern: /(?<![\p{L}\d])[a-z]+(?:-[a-z]+)+(?![\p{L}\d-])/u },
  { name: 'snake_case', pattern: /\b[A-Za-z]+_[A-Za-z_]+\b/ },
  { name: 'camelCase', pattern: /\b[a-z]+[A-Z][a-z]+\w*\b/ },
  { name: 'an event type', pattern: /\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/ },
];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsxFiles(join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [join(dir, entry.name)] : [],
  );
}

/** Every literal key a view passes to `t(…)`, with where it is used. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of tsxFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bt\(\s*(?:'([^'\n]+)'|"([^"\n]+)"|`([^`$\n]+)`)/g)) {
      const key = match[1] ?? match[2] ?? match[3]!;
      if (!used.has(key)) used.set(key, `${relative(SRC, file)}:${source.slice(0, match.index).split('\n').length}`);
    }
  }
  return used;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the console's words", () => {
  it('finds the keys the views use (the scan itself works)', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(100);
    expect(used.has('signIn')).toBe(true);
    expect(used.has('erc.intake')).toBe(true);
  });

  it('has every key used as t(…) in apps/console/src in every language', () => {
    const missing = [...usedKeys()].flatMap(([key, where]) =>
      (['fi', 'sv', 'en'] as const).filter((language) => DICTIONARIES[language][key] === undefined).map((language) => `${language}: ${key} (${where})`),
    );
    expect(missing).toEqual([]);
  });

  it("names every event type of a task's history in every language (the history looks its words up by type)", () => {
    const missing = Object.keys(EVENT_TYPES).flatMap((type) => (['fi', 'sv', 'en'] as const).filter((language) => DICTIONARIES[language][`event.${type}`] === undefined).map((language) => `${language}: event.${type}`));
    expect(missing).toEqual([]);
  });

  it('says every refusal of the decider in words in every language (a 409 never shows its code)', () => {
    const worded = (language: 'fi' | 'sv' | 'en', reason: string) => DICTIONARIES[language][`reason.${reason}`] ?? DICTIONARIES[language][reason];
    const missing = REJECTION_REASONS.flatMap((reason) => (['fi', 'sv', 'en'] as const).filter((language) => worded(language, reason) === undefined).map((language) => `${language}: ${reason}`));
    expect(missing).toEqual([]);
  });

  it('has each key in one view file only', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, words] of Object.entries(AREAS)) {
      for (const key of Object.keys(words.en)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${area}`);
        owner.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('gives Finnish and Swedish their own words: none equals the English unless reviewed', () => {
    const same: string[] = [];
    for (const [key, english] of Object.entries(DICTIONARIES.en)) {
      for (const language of ['fi', 'sv'] as const) {
        const value = DICTIONARIES[language][key];
        if (value === english && !SAME_IN_EVERY_LANGUAGE.has(value) && !/^[\d\W]*$/.test(value.replace(/\{\w+\}/g, ''))) same.push(`${language}: ${key} = ${JSON.stringify(value)}`);
      }
    }
    expect(same).toEqual([]);
  });

  it('never shows a raw code in Finnish or Swedish', () => {
    const raw: string[] = [];
    for (const language of ['fi', 'sv'] as const) {
      for (const [key, value] of Object.entries(DICTIONARIES[language])) {
        // `{name}` placeholders are filled in by the view, not shown.
        const shown = value.replace(/\{\w+\}/g, '');
        for (const { name, pattern } of RAW_CODE) {
          const found = pattern.exec(shown);
          if (found) raw.push(`${language}: ${key} = ${JSON.stringify(value)} (${name} "${found[0]}")`);
        }
      }
    }
    expect(raw).toEqual([]);
  });

  it('speaks as the control room does (the agreed glossary)', () => {
    const { fi, sv } = DICTIONARIES;
    expect([fi.phoneAdvice, sv.phoneAdvice]).toEqual(['Puhelinneuvonta', 'Telefonrådgivning']);
    expect([fi.redirect, sv.redirect]).toEqual(['Ohjaus muuhun palveluun', 'Hänvisning till annan tjänst']);
    expect([fi.supervisor, sv.supervisor]).toEqual(['Vuoropäällikkö', 'Skiftledare']);
    expect([fi.alerts, sv.alerts]).toEqual(['Varoitukset', 'Varningar']);
    expect([fi.live, fi.claim]).toEqual(['Ajantasainen', 'Ota']);
    expect(fi.flags).not.toBe('Liput');
    expect(fi.escalate).not.toBe('Nosta');
    const wrong: string[] = [];
    for (const [key, value] of Object.entries(fi)) {
      // Phone advice is neuvonta; a hälytys is a unit's alarm, never the centre's alerts.
      if (/puhelinohjau/i.test(value) || /hälytykset|odotushälyty|S2 hälytys/i.test(value)) wrong.push(`fi: ${key} = ${JSON.stringify(value)}`);
    }
    for (const [key, value] of Object.entries(sv)) {
      // A larm is a unit's alarm (utlarmning); the centre's alerts are varningar.
      if (/(^|[\s(:])larm|väntelarm/i.test(value)) wrong.push(`sv: ${key} = ${JSON.stringify(value)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("titles the page before React renders exactly as the console's own words do", () => {
    // index.html's inline script sets <html lang> and the title from the saved language; they must not drift apart.
    const html = readFileSync(join(SRC, '..', 'index.html'), 'utf8');
    for (const language of ['fi', 'sv', 'en'] as const) expect(html).toContain(`${language}: '${DICTIONARIES[language].title}'`);
  });

  it('fills the same placeholders in every language', () => {
    const differ: string[] = [];
    for (const [key, english] of Object.entries(DICTIONARIES.en)) {
      for (const language of ['fi', 'sv'] as const) {
        const value = DICTIONARIES[language][key] ?? '';
        if (placeholders(value).join() !== placeholders(english).join()) differ.push(`${language}: ${key} has {${placeholders(value).join('}, {')}} for {${placeholders(english).join('}, {')}}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('calls the supervisor\'s S4 override by one Swedish word, the one the wall counts it by ("Undantag i dag")', () => {
    const swedish = Object.entries(DICTIONARIES.sv).filter(([key]) => key.startsWith('wall.override') || key === 'overrides');
    expect(swedish.filter(([, text]) => /åsidosätt/i.test(text))).toEqual([]);
    expect(DICTIONARIES.sv['wall.overrideConfirm']).toMatch(/undantag/i);
  });
});
