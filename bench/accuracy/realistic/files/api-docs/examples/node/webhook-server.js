const crypto = require('node:crypto');
const express = require('express');

const app = express();
const SIGNING_SECRET = process.env.NORTHWIND_WEBHOOK_SECRET || 'whsec_...';

app.post('/hooks/northwind', express.raw({ type: 'application/json' }), (req, res) => {
  const expected = crypto.createHmac('sha256', SIGNING_SECRET).update(req.body).digest('hex');
  const given = req.get('Northwind-Signature') || '';
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given.padEnd(expected.length)))) {
    return res.sendStatus(401);
  }
  const event = JSON.parse(req.body);
  console.log('received', event.type);
  res.sendStatus(204);
});

app.listen(3000);
