namespace OperatorOne.Tests.Nlu;

/// <summary>A custom tool's snake_case name said with "enable", "disable" or its tier: the access change, not another tool.</summary>
public class CustomToolAccessPatternTests
{
    [Theory]
    [InlineData("disable fx_rate for now", "off")]
    [InlineData("enable the stock_check tool again", "on")]
    public void EnablingOrDisablingANamedToolSwitchesIt(string text, string enabled)
    {
        var (tool, slots) = ToolPatterns.Match(text);

        Assert.Equal(("set_custom_tool_access", enabled), (tool, slots["enabled"]));
    }

    [Fact]
    public void TheToolNamedBeforeItsTierGetsThatTier()
    {
        var (tool, slots) = ToolPatterns.Match("set fx_rate tier to riskyWrite");

        Assert.Equal(("set_custom_tool_access", "fx_rate", "riskyWrite"), (tool, slots["tool"], slots["tier"]));
    }
}
