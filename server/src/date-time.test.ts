import { describe, expect, it } from 'vitest';
import { isoDateTime } from './date-time.ts';

describe('isoDateTime', () => {
  it('refuses a day its month does not have, instead of rolling it over into the next month', () => {
    expect(isoDateTime('2024-02-30T00:00:00Z')).toBeNull();
    expect(isoDateTime('2024-04-31')).toBeNull();
    expect(isoDateTime('2023-02-29T12:00:00Z')).toBeNull();
    expect(isoDateTime('1900-02-29')).toBeNull();
    expect(isoDateTime('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(isoDateTime('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
    expect(isoDateTime('2024-12-31T23:59:59Z')).toBe('2024-12-31T23:59:59.000Z');
  });

  it('reads a time without Z or an offset as UTC, as a date alone is, whatever the server zone', () => {
    expect(isoDateTime('2024-01-01T10:00')).toBe('2024-01-01T10:00:00.000Z');
    expect(isoDateTime('2024-01-01T10:00:30.5')).toBe('2024-01-01T10:00:30.500Z');
    expect(isoDateTime('2024-01-01')).toBe('2024-01-01T00:00:00.000Z');
    expect(isoDateTime('2024-01-01T10:00+02:00')).toBe('2024-01-01T08:00:00.000Z');
    expect(isoDateTime('2024-01-01T10:00-0200')).toBe('2024-01-01T12:00:00.000Z');
  });

  it('keeps the years 0001 to 9999, in UTC', () => {
    expect(isoDateTime('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z');
    expect(isoDateTime('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
    expect(isoDateTime('0000-12-31T00:00:00Z')).toBeNull();
    expect(isoDateTime('9999-12-31T23:00:00-14:00')).toBeNull();
    expect(isoDateTime('+275760-09-13T00:00:00Z')).toBeNull();
    expect(isoDateTime(20240101)).toBeNull();
  });
});
