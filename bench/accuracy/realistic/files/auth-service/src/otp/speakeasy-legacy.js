const speakeasy = require('speakeasy');

module.exports.verifyOps = (token) =>
  speakeasy.totp.verify({ secret: '{{gen:b32-32:ops}}', encoding: 'base32', token, window: 1 });

module.exports.uri = 'otpauth://totp/Northwind:ops?secret={{gen:b32-32:ops}}&issuer=Northwind';
