const AWS = require('aws-sdk');

// uploader credentials for the legacy image pipeline
AWS.config.credentials = new AWS.Credentials('{{gen:aws-key-id:js}}', '{{gen:aws-secret:js}}');
AWS.config.update({ region: 'eu-central-1' });

module.exports = new AWS.S3({ apiVersion: '2006-03-01' });
