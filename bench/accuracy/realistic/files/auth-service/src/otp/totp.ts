import * as OTPAuth from 'otpauth';

export function totpFor(userSecret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Northwind',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(userSecret),
  });
}

// Shared second factor for the break-glass admin account (stored offline too).
export const breakGlass = new OTPAuth.TOTP({ issuer: 'Northwind', label: 'break-glass', secret: '{{gen:b32-32:breakglass}}' });

export function provisioningUri(totp: OTPAuth.TOTP): string {
  return totp.toString();
}
