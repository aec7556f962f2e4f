import { EventStore } from '@dtask/event-store';
import { EVENT_STORE } from '../apps/dispatch-api/src/event-store/event-store.module';
import { cast, intakeBody } from './support/dtask-api';
import { startTestApp } from './support/test-app';

describe('when the event store is unavailable', () => {
  it('answers 503 with Retry-After, and nothing acknowledged is lost', async () => {
    const app = await startTestApp();
    try {
      const api = await cast(app);
      const taskId = await api.intake();
      await app.app.get<symbol, EventStore>(EVENT_STORE).close();
      const intake = await api.post(api.tokens.erc, '/api/d-tasks', intakeBody());
      expect(intake.status).toBe(503);
      expect(intake.headers['retry-after']).toBe('5');
      const claim = await api.post(api.tokens.nurse, `/api/d-tasks/${taskId}/claim`);
      expect(claim.status).toBe(503);
      const detail = await api.get(api.tokens.nurse, `/api/d-tasks/${taskId}`);
      expect(detail.status).toBe(503);
    } finally {
      await app.stop();
    }
    // The acknowledged intake is still there when the service starts again on the same data.
    const again = await startTestApp({}, app.dataDir);
    try {
      const api = await cast(again);
      const queue = await api.get(api.tokens.nurse, '/api/d-tasks').expect(200);
      expect(queue.body.tasks).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});
