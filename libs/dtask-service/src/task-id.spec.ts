import { taskIdForErcTask } from './task-id';

describe('taskIdForErcTask', () => {
  it('maps one ERC id to one stable v5 UUID, the one stores written before hold', () => {
    expect(taskIdForErcTask('ERC-2026-000123')).toBe('a9abfdff-2a22-547c-b8ac-fcfc6b71638f');
    expect(taskIdForErcTask('ERC-2026-000123')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('maps different ERC ids apart', () => {
    expect(taskIdForErcTask('ERC-2026-000124')).not.toBe(taskIdForErcTask('ERC-2026-000123'));
  });
});
