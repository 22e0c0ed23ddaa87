// Example: store orders in your own database.
const { Pool } = require('pg');

const pool = new Pool({
  connectionString: 'postgres://partner:partner@db.example.com:5432/orders',
});

const dev = new Pool({ connectionString: 'postgres://postgres:Pg-Partner-Demo7@10.0.0.12:5432/orders' });

module.exports = { pool, dev };
