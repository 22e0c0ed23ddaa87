const { execFile } = require('node:child_process');

const ALLOWED_ROLES = ['ops', 'release-managers'];

module.exports = async function deploy(message, [service, version]) {
  if (!message.member.roles.cache.some((r) => ALLOWED_ROLES.includes(r.name))) {
    return message.reply('You are not allowed to deploy.');
  }
  execFile('./scripts/deploy.sh', [service, version], { env: { ...process.env, DEPLOY_TOKEN: process.env.DEPLOY_TOKEN } }, (err, stdout) => {
    message.reply(err ? `Deploy failed: ${err.message}` : `Deployed ${service}@${version}\n${stdout.slice(-500)}`);
  });
};
