using System.Text;
using OperatorOne.Channels.Slack;

namespace OperatorOne.Tests.Slack;

public sealed class SlackSignatureTests
{
    // Slack's published example (protocols/slack.md §1).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void TheTestSignerMatchesSlacksKnownAnswer() =>
        Assert.Equal(Expected, SlackSigner.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void TheBotsSignerMatchesSlacksKnownAnswer() =>
        Assert.Equal(Expected, SlackSignature.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void SlacksExampleVerifiesAtItsOwnTime() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), At.AddMinutes(4)));

    [Fact]
    public void ATimestampSixMinutesOldOrAheadIsStale()
    {
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), At.AddMinutes(6)));
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), At.AddMinutes(-6)));
    }

    [Fact]
    public void AChangedBodyOrSecretOrVersionDoesNotVerify()
    {
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body + "x"), At));
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify("other", Timestamp, Expected, Encoding.UTF8.GetBytes(Body), At));
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, "v1=" + Expected[3..], Encoding.UTF8.GetBytes(Body), At));
    }

    [Fact]
    public void MissingHeadersOrAGarbledTimestampAreRejected()
    {
        Assert.Equal(SignatureCheck.Missing, SlackSignature.Verify(Secret, null, Expected, [], At));
        Assert.Equal(SignatureCheck.Missing, SlackSignature.Verify(Secret, Timestamp, "", [], At));
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, "-5", Expected, [], At));
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(Secret, "99999999999999999999", Expected, [], At));
    }
}
