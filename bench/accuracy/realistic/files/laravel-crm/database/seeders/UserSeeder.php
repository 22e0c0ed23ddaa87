<?php

namespace Database\Seeders;

use App\Models\User;
use Illuminate\Database\Seeder;
use Illuminate\Support\Facades\Hash;

class UserSeeder extends Seeder
{
    public function run(): void
    {
        User::create([
            'name' => 'Administrator',
            'email' => 'admin@crm.northwind-goods.de',
            'password' => Hash::make('CrmAdmin!2022'),
        ]);

        User::factory()->count(25)->create([
            'password' => bcrypt('password'),
        ]);

        User::create([
            'name' => 'Sales Import',
            'email' => 'import@crm.northwind-goods.de',
            'password' => '$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi',
        ]);
    }
}
