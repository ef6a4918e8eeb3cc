using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Skills.Integrations;

namespace OperatorOne.Tests.Integrations;

/// <summary>The pure parts of custom tools: phrasings as utterances, URL filling, the definition rules, signatures, and safe text.</summary>
public sealed class CustomToolDecisionTests
{
    [Fact]
    public void AnExamplePhrasingMatchesCaseAndPunctuationAsideAndCapturesItsPlaceholders()
    {
        var utterance = Utterance.FromExample("Where is order {order_id}?");

        var match = utterance.Pattern.Match(UtteranceMatcher.Normalize("where is ORDER 1042-B"));

        Assert.True(match.Success);
        Assert.Equal("1042-B", match.Groups["order_id"].Value);
        Assert.Equal("Where is order {order_id}?", utterance.Example);
        Assert.DoesNotMatch(utterance.Pattern, "where is the order 1042");
        Assert.DoesNotMatch(Utterance.FromExample("check (x|y) stock.*").Pattern, "check x stock now");
    }

    [Fact]
    public void ArgumentValuesAreEscapedSoTheyCannotChangeThePathOrQuery()
    {
        var values = new JsonObject { ["order_id"] = "../admin?x=1#frag", ["verbose"] = true };

        var (url, used) = CustomToolArguments.Url("https://shop.example.com/orders/{order_id}", values, queryForRest: true);

        Assert.Equal("/orders/..%2Fadmin%3Fx%3D1%23frag", url.AbsolutePath);
        Assert.Equal("?verbose=true", url.Query);
        Assert.Equal(["order_id"], used);
    }

    [Theory]
    [InlineData("https://{tenant}.example.com/orders", "url")]
    [InlineData("https://shop.example.com/orders/{nope}", "url")]
    [InlineData("https://user:pw@shop.example.com/", "url")]
    public void AUrlTemplateThatChoosesItsHostOrNamesUnknownParametersIsRefused(string url, string field)
    {
        var (spec, errors) = CustomToolRules.Check(new CustomToolInput
        {
            Name = "order_status", Description = "Look up an order", Url = url,
            Parameters = JsonNode.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}}}""")!.AsObject(),
        }, null, _ => false);

        Assert.Null(spec);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void ABuiltInNameABadSchemaAndAReservedHeaderAreEachNamed()
    {
        var (spec, errors) = CustomToolRules.Check(new CustomToolInput
        {
            Name = "create_ticket", Description = "x", Url = "https://shop.example.com/{a}",
            Parameters = JsonNode.Parse("""{"type":"object","properties":{"a":{"type":"object"}}}""")!.AsObject(),
            Headers = new Dictionary<string, string> { ["Host"] = "evil" }, Tier = "godmode", TimeoutSeconds = 99,
        }, null, name => name == "create_ticket");

        Assert.Null(spec);
        Assert.Equal(["description", "headers", "name", "parameters", "tier", "timeoutSeconds"], errors.Keys.Order());
    }

    [Fact]
    public void WithoutASchemaEveryPlaceholderIsARequiredTextParameterAndGetIsReadOnly()
    {
        var (spec, _) = CustomToolRules.Check(new CustomToolInput { Name = "order_status", Description = "Look up", Url = "https://x.example/o/{id}?c={customer}" }, null, _ => false);

        Assert.NotNull(spec);
        Assert.Equal(["id", "customer"], spec.Schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(OperatorOne.Bot.Core.Tools.ToolTier.ReadOnly, spec.Tier);
    }

    [Fact]
    public void TheSignatureCoversTheTimestampAndTheExactBody()
    {
        var when = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var body = Encoding.UTF8.GetBytes("""{"a":1}""");

        var signature = RequestSignature.Sign("whsec_test", when, body);

        Assert.Equal("t=1800000000,v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("whsec_test"), Encoding.UTF8.GetBytes("1800000000.{\"a\":1}"))), signature);
        Assert.NotEqual(signature, RequestSignature.Sign("whsec_test", when, Encoding.UTF8.GetBytes("""{"a":2}""")));
        Assert.NotEqual(signature, RequestSignature.Sign("whsec_test", when.AddSeconds(1), body));
    }

    [Theory]
    [InlineData("<p>Stock: <b>12</b></p>", "Stock: 12")]
    [InlineData("<script>alert(1)</script>ok", "ok")]
    [InlineData("&lt;img src=x onerror=alert(1)&gt; fine", "fine")]
    [InlineData("a &amp; b", "a & b")]
    public void TextFromAnotherSystemCarriesNoMarkup(string html, string expected) => Assert.Equal(expected, PlainText.From(html));

    [Fact]
    public void ATemplateReadsFieldsFromTheAnswerAndACardShowsTheDefinedFacts()
    {
        var format = JsonNode.Parse("""{"template":"Order {id}: {status} ({items.0.name}, {missing})","card":{"title":"Order {id}","facts":[{"title":"Status","value":"{status}"}]}}""")!.AsObject();
        var body = Encoding.UTF8.GetBytes("""{"id":7,"status":"<i>shipped</i>","items":[{"name":"Lamp"}]}""");

        var result = ResponseRendering.Render("Look up an order", body, "application/json", format);

        Assert.Equal("Order 7: shipped (Lamp, —)", result.Text);
        Assert.Contains("\"value\":\"shipped\"", result.Card!.ToJsonString());
        Assert.Contains("Order 7", result.Card.ToJsonString());
    }
}
