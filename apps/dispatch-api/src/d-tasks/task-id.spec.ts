import { taskIdForErcTask } from './task-id';

describe('taskIdForErcTask', () => {
  it('maps one ERC id to one stable v5 UUID and different ids apart', () => {
    const first = taskIdForErcTask('ERC-2026-000123');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(taskIdForErcTask('ERC-2026-000123')).toBe(first);
    expect(taskIdForErcTask('ERC-2026-000124')).not.toBe(first);
  });
});
