<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'hubspot' => [
        'key' => 'pat-eu1-5d2c8f1a-7b3e-4c9d-a6f0-2e8b4d1c7a93',
    ],

    'slack' => [
        'notifications' => [
            'bot_user_oauth_token' => env('SLACK_BOT_USER_OAUTH_TOKEN', '{{gen:slack-bot:crm}}'),
            'channel' => env('SLACK_BOT_USER_DEFAULT_CHANNEL', '#crm-alerts'),
        ],
    ],

    'datev' => [
        'client_id' => 'd8e1b2a9-3c4f-4a7e-9b6d-1f2e3a4b5c6d',
        'secret' => '{{gen:b62-40:datev}}',
    ],
];
