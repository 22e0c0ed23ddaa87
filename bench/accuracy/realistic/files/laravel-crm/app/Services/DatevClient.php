<?php

namespace App\Services;

use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Http;

class DatevClient
{
    public function __construct(
        private readonly string $clientId,
        private readonly string $secret,
    ) {
    }

    public static function fromConfig(): self
    {
        return new self(config('services.datev.client_id'), config('services.datev.secret'));
    }

    private function accessToken(): string
    {
        return Cache::remember('datev.token', 3000, function () {
            $response = Http::asForm()
                ->withBasicAuth($this->clientId, $this->secret)
                ->post('https://login.datev.de/openid/token', ['grant_type' => 'client_credentials']);

            return $response->throw()->json('access_token');
        });
    }

    public function invoices(): array
    {
        return Http::withToken($this->accessToken())->get('https://accounting.api.datev.de/platform/v2/invoices')->json();
    }
}
