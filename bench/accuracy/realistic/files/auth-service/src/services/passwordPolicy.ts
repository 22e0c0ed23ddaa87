const COMMON = new Set(['password', '123456', 'qwerty', 'letmein', 'welcome', 'admin', 'iloveyou']);

export interface PolicyResult {
  ok: boolean;
  reasons: string[];
}

export function checkPassword(candidate: string, email: string): PolicyResult {
  const reasons: string[] = [];
  if (candidate.length < 12) reasons.push('too short');
  if (COMMON.has(candidate.toLowerCase())) reasons.push('too common');
  if (candidate.toLowerCase().includes(email.split('@')[0]!.toLowerCase())) reasons.push('contains your name');
  return { ok: reasons.length === 0, reasons };
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_RESET_TOKEN_TTL_SECONDS = 3600;
