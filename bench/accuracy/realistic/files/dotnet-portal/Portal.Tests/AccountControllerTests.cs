using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Portal.Tests;

public class AccountControllerTests : IClassFixture<WebApplicationFactory<Program>>
{
    private const string SeededPassword = "Xunit-Seeded-Pw1";
    private readonly HttpClient _client;

    public AccountControllerTests(WebApplicationFactory<Program> factory) => _client = factory.CreateClient();

    [Fact]
    public async Task Login_WithSeededUser_ReturnsToken()
    {
        var res = await _client.PostAsJsonAsync("/api/account/login", new { Email = "seed@northwind-goods.de", Password = SeededPassword });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
    }

    [Theory]
    [InlineData("seed@northwind-goods.de", "")]
    [InlineData("seed@northwind-goods.de", "Xunit-Wrong-Pw2")]
    public async Task Login_WithBadPassword_Is401(string email, string password)
    {
        var res = await _client.PostAsJsonAsync("/api/account/login", new { Email = email, Password = password });
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
    }
}
