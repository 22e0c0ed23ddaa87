<?php

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Route;

Route::middleware('auth:sanctum')->get('/user', fn (Request $request) => $request->user());

Route::post('/webhooks/hubspot', [\App\Http\Controllers\HubspotWebhookController::class, 'handle'])
    ->middleware(\App\Http\Middleware\VerifyWebhookSignature::class);

Route::post('/tokens/create', function (Request $request) {
    $token = $request->user()->createToken($request->token_name);

    return ['token' => $token->plainTextToken];
});
