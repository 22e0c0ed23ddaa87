const { Client, GatewayIntentBits } = require('discord.js');
const config = require('../config.json');

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });

client.once('ready', () => console.log(`Logged in as ${client.user.tag}`));

client.on('messageCreate', async (message) => {
  if (!message.content.startsWith(config.prefix) || message.author.bot) return;
  const [command, ...args] = message.content.slice(config.prefix.length).trim().split(/\s+/);
  const handler = require(`./commands/${command}.js`);
  if (handler) await handler(message, args);
});

client.login(process.env.DISCORD_TOKEN || config.token);
