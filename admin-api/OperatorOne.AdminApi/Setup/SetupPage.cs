using System.Globalization;
using System.Text;
using OperatorOne.AdminApi.Organizations;
using OperatorOne.Bot.Core.Pages;
using OperatorOne.Bot.Core.Phones;

namespace OperatorOne.AdminApi.Setup;

/// <summary>The setup form (plain HTML, works without JavaScript) and the page that shows its result once.</summary>
internal static class SetupPage
{
    public static string Form(NewOrganization values, IReadOnlyDictionary<string, string[]> errors)
    {
        var body = new StringBuilder();
        body.Append("<h1>Set up OperatorOne</h1><p>Name your organization and its first owner. This link works once.</p>");
        if (errors.Count > 0)
        {
            body.Append("<div class=\"error\" role=\"alert\"><p>Please fix:</p><ul>");
            foreach (var problem in errors.Values.SelectMany(p => p))
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>{PageShell.Encode(problem)}</li>");
            }
            body.Append("</ul></div>");
        }
        body.Append("<form method=\"post\">");
        Field(body, "organization", "Organization name", values.Name, "text", required: true);
        body.Append("<label for=\"timeZone\">Time zone</label><select id=\"timeZone\" name=\"timeZone\">");
        var zone = string.IsNullOrEmpty(values.TimeZone) ? "UTC" : values.TimeZone;
        foreach (var id in TimeZones())
        {
            body.Append(CultureInfo.InvariantCulture, $"<option{(id == zone ? " selected" : "")}>{PageShell.Encode(id)}</option>");
        }
        body.Append("</select><label for=\"country\">Country (phone numbers without a country code are read as this country's)</label><select id=\"country\" name=\"country\">");
        var country = string.IsNullOrEmpty(values.Country) ? "US" : values.Country.ToUpperInvariant();
        foreach (var code in PhoneNumberInput.Countries)
        {
            body.Append(CultureInfo.InvariantCulture, $"<option value=\"{code}\"{(code == country ? " selected" : "")}>{PageShell.Encode(CountryName(code))} ({code})</option>");
        }
        body.Append("</select><h2>First owner</h2>");
        Field(body, "ownerName", "Name", values.Owner?.DisplayName, "text", required: true);
        Field(body, "ownerEmail", "Email (their Slack or Teams account with this email is recognised)", values.Owner?.Email, "email", required: true);
        Field(body, "ownerPhone", "Mobile phone, optional (recognised when calling the bot's number)", values.Owner?.Phone, "tel", required: false);
        body.Append("<button type=\"submit\">Create the organization</button></form>");
        return PageShell.Render("Setup", body.ToString());
    }

    public static string Done(CreatedOrganization created, string joinLink) => PageShell.Render("Setup done", $"""
        <h1>{PageShell.Encode(created.Organization.Name)} is ready</h1>
        <p>{PageShell.Encode(created.Owner.DisplayName)} is its owner. This setup link no longer works.</p>
        <h2>Admin API key</h2>
        <p>It acts as {PageShell.Encode(created.Owner.DisplayName)} and is shown <strong>only now</strong>: keep it in a password manager.</p>
        <p><code class="secret" id="api-key">{PageShell.Encode(created.ApiKey)}</code></p>
        <p>Organization id: <code id="organization-id">{created.Organization.Id}</code></p>
        <h2>Next</h2>
        <ol>
          <li><a id="join-link" href="{PageShell.Encode(joinLink)}">Open the web chat as {PageShell.Encode(created.Owner.DisplayName)}</a> (this link works once, in the browser you will chat from).</li>
          <li>Invite your people: in the chat say <code>invite dana@example.com as a member</code>.</li>
          <li>Connect Teams, Slack and the phone: <a href="/admin/channels">channel connections</a> (sign in there with the API key).</li>
        </ol>
        """);

    public static string Closed(string why) => PageShell.Render("Setup", $"<h1>Setup is not available</h1><p>{PageShell.Encode(why)}</p>");

    private static void Field(StringBuilder body, string name, string label, string? value, string type, bool required) =>
        body.Append(CultureInfo.InvariantCulture,
            $"<label for=\"{name}\">{PageShell.Encode(label)}</label><input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{PageShell.Encode(value)}\" maxlength=\"320\"{(required ? " required" : "")}>");

    private static IEnumerable<string> TimeZones() =>
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal);

    private static string CountryName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
