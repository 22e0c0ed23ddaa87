<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

class VerifyWebhookSignature
{
    public function handle(Request $request, Closure $next)
    {
        $secret = config('services.hubspot.webhook_secret');
        $signature = hash('sha256', $secret.$request->getContent());
        if (! hash_equals($signature, (string) $request->header('X-HubSpot-Signature'))) {
            abort(401);
        }

        return $next($request);
    }
}
