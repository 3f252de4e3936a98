import { describe, expect, it } from 'vitest';
import { editionOfEvent } from '../../functions/handlers/compile';

const now = new Date('2026-11-22T12:00:00Z');

describe('the edition a compile event asks for', () => {
  it('is the given edition on a manual invoke, and today without one', () => {
    expect(editionOfEvent({ edition: '2026-11-01' }, now, 'UTC')).toBe('2026-11-01');
    expect(editionOfEvent({}, now, 'UTC')).toBe('2026-11-22');
  });

  it('is the day that has just ended, in the edition time zone, on the daily schedule', () => {
    // EventBridge Scheduler runs cron(0 5 * * ? *) at 05:00 in the zone and sends that time.
    const at5 = (utc: string) => ({ schedule: 'daily' as const, time: utc });
    expect(editionOfEvent(at5('2026-11-22T05:00:00Z'), now, 'UTC')).toBe('2026-11-21');
    // 05:00 in Tokyo is 20:00 UTC the day before: the day that ended there is the 21st.
    expect(editionOfEvent(at5('2026-11-21T20:00:00Z'), now, 'Asia/Tokyo')).toBe('2026-11-21');
    // 05:00 in Los Angeles is 13:00 UTC.
    expect(editionOfEvent(at5('2026-11-22T13:00:00Z'), now, 'America/Los_Angeles')).toBe(
      '2026-11-21',
    );
    // The morning after the clocks went back in London (25 hours in that day).
    expect(editionOfEvent(at5('2026-10-26T05:00:00Z'), now, 'Europe/London')).toBe('2026-10-25');
  });

  it('is today in the edition time zone for a draft refresh', () => {
    expect(editionOfEvent({ schedule: 'draft' }, now, 'Pacific/Kiritimati')).toBe('2026-11-23');
  });
});
