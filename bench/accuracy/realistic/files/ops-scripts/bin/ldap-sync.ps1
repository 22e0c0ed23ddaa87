# Sync AD groups to the portal.
$ErrorActionPreference = 'Stop'
$securePassword = ConvertTo-SecureString 'Ad-Sync-Svc-2023' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ('NORTHWIND\svc_adsync', $securePassword)
$groups = Get-ADGroup -Filter 'Name -like "portal-*"' -Credential $cred
foreach ($g in $groups) {
    $members = Get-ADGroupMember -Identity $g -Credential $cred | Select-Object -ExpandProperty SamAccountName
    Invoke-RestMethod -Method Post -Uri "https://portal.northwind-goods.de/api/groups/$($g.Name)" `
        -Headers @{ Authorization = "Bearer $env:PORTAL_SYNC_TOKEN" } `
        -Body ($members | ConvertTo-Json) -ContentType 'application/json'
}
