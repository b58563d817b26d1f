// Current time in epoch ms. One function so that tests and schedules agree on "now".
export const now = (): number => Date.now();

export const toIso = (ms: number | null | undefined): string | null => (ms == null ? null : new Date(ms).toISOString());
