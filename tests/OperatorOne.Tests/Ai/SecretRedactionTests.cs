using OperatorOne.Bot.Core.Ai;

namespace OperatorOne.Tests.Ai;

/// <summary>PIN-like digits next to the word PIN are masked for the provider and never restored; other numbers are left alone.</summary>
public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("my pin 8642 didn't work", "my pin [SECRET_1] didn't work")]
    [InlineData("PIN is 4821-7733, ticket #1234", "PIN is [SECRET_1], ticket #1234")]
    [InlineData("use passcode 12 34 56 78 please", "use passcode [SECRET_1] please")]
    [InlineData("pin for card 4111 1111 1111 1111", "pin for card [CARD_1]")]
    [InlineData("ticket 4821 is about the printer", "ticket 4821 is about the printer")]
    public void DigitsNextToTheWordPinBecomeASecretPlaceholder(string text, string sent)
    {
        Assert.Equal(sent, new Redactor([]).Redact(text));
    }

    [Fact]
    public void ASecretIsNeverRestoredIntoRepliesOrToolArguments()
    {
        var redactor = new Redactor([]);
        redactor.Redact("my voice pin is 48213377, mail ana@example.com");

        Assert.Equal($"PIN {Redactor.SecretMask} noted for ana@example.com", redactor.Restore("PIN [SECRET_1] noted for [EMAIL_1]"));
    }

    [Theory]
    [InlineData("my pin 8642 didn't work", true)]
    [InlineData("set my voice pin", false)]
    [InlineData("show ticket 8642", false)]
    public void ASecretIsFoundOnlyWithTheWordPinAndDigits(string text, bool found)
    {
        Assert.Equal(found, Redactor.HasSecret(text));
    }
}
