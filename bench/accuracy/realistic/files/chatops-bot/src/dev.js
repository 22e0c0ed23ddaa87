// Quick local runner against the test guild.
const { Client, GatewayIntentBits } = require('discord.js');
const client = new Client({ intents: [GatewayIntentBits.Guilds] });
client.once('ready', () => console.log('dev bot ready'));
client.login('{{gen:discord-bot:dev}}');
