using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OperatorOne.Bot.Core.Pages;

namespace OperatorOne.AdminApi.Channels;

/// <summary>
/// /admin/channels: a page for admins that shows the channel checks. It holds no data itself: it asks for the
/// organization id and an admin API key (kept in this tab only) and reads everything through the gated admin API.
/// </summary>
internal static class ChannelsPage
{
    public const string ScriptPath = "/admin/channels.js";

    public static ContentHttpResult Show() => TypedResults.Content(PageShell.Render("Channel connections", Body, ScriptPath), "text/html; charset=utf-8");

    public static ContentHttpResult Script() => TypedResults.Content(PageScript, "text/javascript; charset=utf-8");

    private const string Body = """
        <h1>Channel connections</h1>
        <form id="signin">
          <label for="organization">Organization id</label><input id="organization" required>
          <label for="key">Admin API key</label><input id="key" type="password" autocomplete="off" required>
          <button type="submit">Check the channels</button>
        </form>
        <p id="status" role="status"></p>
        <div id="channels"></div>
        """;

    private const string PageScript = """
        (function () {
          'use strict';
          const form = document.getElementById('signin');
          const status = document.getElementById('status');
          const list = document.getElementById('channels');
          const organization = document.getElementById('organization');
          const key = document.getElementById('key');
          organization.value = sessionStorage.getItem('operatorone.admin-organization') || '';
          key.value = sessionStorage.getItem('operatorone.admin-key') || '';
          const text = (tag, value, cls) => { const e = document.createElement(tag); e.textContent = value; if (cls) e.className = cls; return e; };
          const words = { notConfigured: 'not configured', unreachable: 'configured but unreachable', working: 'working' };
          async function call(path) {
            return fetch('/admin/v1/organizations/' + encodeURIComponent(organization.value.trim()) + path,
              { headers: { Authorization: 'Bearer ' + key.value.trim() } });
          }
          async function download(path, name) {
            const response = await call(path);
            if (!response.ok) { const p = await response.json().catch(() => ({})); status.textContent = p.detail || response.statusText; return; }
            const link = document.createElement('a');
            link.href = URL.createObjectURL(await response.blob());
            link.download = name;
            link.click();
          }
          async function check() {
            status.textContent = 'Checking…';
            list.replaceChildren();
            const response = await call('/channels');
            if (!response.ok) { const p = await response.json().catch(() => ({})); status.textContent = 'Refused: ' + (p.detail || response.statusText); return; }
            sessionStorage.setItem('operatorone.admin-organization', organization.value.trim());
            sessionStorage.setItem('operatorone.admin-key', key.value.trim());
            status.textContent = '';
            for (const channel of await response.json()) {
              const section = document.createElement('section');
              section.setAttribute('aria-label', channel.displayName);
              const heading = text('h2', channel.displayName + ': ');
              heading.appendChild(text('span', words[channel.state] || channel.state, 'state-' + channel.state));
              section.appendChild(heading);
              const table = document.createElement('table');
              for (const hop of channel.hops) {
                const row = table.insertRow();
                row.insertCell().textContent = hop.ok ? '✓' : '✗';
                row.insertCell().textContent = hop.name;
                const detail = row.insertCell();
                detail.textContent = hop.detail;
                if (hop.fix) { detail.appendChild(document.createElement('br')); detail.appendChild(text('strong', 'Fix: ')); detail.appendChild(text('span', hop.fix)); }
              }
              section.appendChild(table);
              const setup = document.createElement('dl');
              for (const [name, value] of Object.entries(channel.setup)) {
                setup.appendChild(text('dt', name));
                const dd = document.createElement('dd');
                if (name === 'appPackage') {
                  const button = text('button', 'Download the Teams app package');
                  button.type = 'button';
                  button.addEventListener('click', () => download('/channels/msteams/package', 'operatorone-teams.zip'));
                  dd.appendChild(button);
                } else if (/^https?:/.test(value)) {
                  const a = text('a', value); a.href = value; dd.appendChild(a);
                } else {
                  dd.appendChild(text('code', value));
                }
                setup.appendChild(dd);
              }
              section.appendChild(setup);
              list.appendChild(section);
            }
          }
          form.addEventListener('submit', event => { event.preventDefault(); check().catch(e => { status.textContent = e.message; }); });
          if (organization.value && key.value) { check().catch(e => { status.textContent = e.message; }); }
        })();
        """;
}
