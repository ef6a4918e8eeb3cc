using OperatorOne.Skills.Calendar;

namespace OperatorOne.Tests.Calendar;

/// <summary>Meeting lengths as people say or speak them.</summary>
public sealed class DurationsTests
{
    [Theory]
    [InlineData("30 minutes", 30)]
    [InlineData("fifteen minutes", 15)]
    [InlineData("four hours", 240)]
    [InlineData("forty-five mins", 45)]
    public void ALengthIsReadInDigitsOrWords(string said, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Durations.Parse(said));
}
