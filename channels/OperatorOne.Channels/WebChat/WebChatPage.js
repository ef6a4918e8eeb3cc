(function () {
  'use strict';
  const domain = location.origin + '/v3/directline';
  const members = document.getElementById('members');
  const who = document.getElementById('who');
  const chat = document.getElementById('webchat');
  const notice = document.getElementById('notice');
  const storageKey = 'operatorone.demo-member';
  const memberKeyStorage = 'operatorone.member-key';
  let directLine = null;
  // Sign-ins in flight: only the latest may start a chat. The page signs the default member in on load; a person who
  // clicks someone else meanwhile must not be switched back when the first answer arrives late.
  let signInCount = 0;
  // Whom the page is signing in or has signed in; clicking them again would restart the chat under their fingers and
  // drop what they were typing.
  let requested = null;

  function show(message) {
    requested = null;
    notice.innerHTML = message;
    notice.hidden = false;
    chat.hidden = true;
  }

  // A member who joined through an invitation link signs in with the key this browser kept.
  async function signInMember(key) {
    const mine = ++signInCount;
    const response = await fetch('/webchat/session/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key })
    });
    if (mine !== signInCount) {
      return;
    }
    if (!response.ok) {
      localStorage.removeItem(memberKeyStorage);
      const body = await response.json().catch(() => ({}));
      show('You are signed out: ' + ((body.error && body.error.message) || response.statusText));
      return;
    }
    const session = await response.json();
    if (mine === signInCount) {
      start(session);
    }
  }

  async function signIn(member) {
    const mine = ++signInCount;
    requested = member;
    const response = await fetch('/webchat/demo/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ member })
    });
    if (mine !== signInCount) {
      return;
    }
    if (response.status === 404 && !members.dataset.available) {
      // Demo sign-in exists only in Development; members join through an invitation link from an admin.
      show('To use this chat, open the invitation link an admin of your organization sent you. ' +
           'A site that embeds the chat gets a token from <code>POST /v3/directline/tokens/generate</code> with its site secret.');
      return;
    }
    members.hidden = false;
    members.dataset.available = 'true';
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      show('Sign-in failed: ' + ((body.error && body.error.message) || response.statusText));
      return;
    }
    const session = await response.json();
    if (mine !== signInCount) {
      return;
    }
    localStorage.setItem(storageKey, member);
    for (const button of members.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.member === member));
    }
    start(session);
  }

  function start(session) {
    who.textContent = 'Signed in as ' + session.userName;
    if (directLine) {
      directLine.end();
    }
    // Posts may take a minute: a 10 MB file on a slow uplink outlasts DLJS's 20 s default, after which it drops the
    // upload without a reason and Web Chat shows "Sending" for two minutes.
    directLine = window.WebChat.createDirectLine({ token: session.token, domain, webSocket: true, timeout: 60000 });
    notice.hidden = true;
    chat.hidden = false;
    // A fresh element per sign-in, so switching people never shows the previous person's chat.
    chat.replaceChildren();
    const host = document.createElement('div');
    host.style.height = '100%';
    chat.appendChild(host);
    // A picked file is sent at once (Web Chat 4.18 would otherwise hold it, shown only as a tick on the clip, until Send).
    const styleOptions = { sendAttachmentOn: 'attach' };
    const activityStatusMiddleware = memberClockStamps(session.timeZone);
    if (activityStatusMiddleware) {
      // The time itself ("December 7, 9:05 AM"), not "Just now": a relative stamp would say nothing of whose clock.
      styleOptions.timestampFormat = 'absolute';
    }
    window.WebChat.renderWebChat({
      directLine, store: createStore(), styleOptions, activityStatusMiddleware, userID: session.userId, username: session.userName, locale: 'en-US'
    }, host);
    focusMessageBox(host);
  }

  // Web Chat stamps each message on the browser's clock; a member reads every time on their own (the zone they set, else
  // their organization's), as the bot writes them. Web Chat 4.18 formats stamps with no time zone option, and its status
  // renderer shows only React elements (a string is taken for a render function and nothing shows), which this page
  // cannot make without React. So Web Chat's own stamp is handed the time whose reading on the browser's clock is the
  // member's wall clock at that moment: its look, its "Sent at" for screen readers, the member's time. The log's real
  // timestamps (order, grouping) are untouched; sending and failed states, which retry the activity, get it as it is.
  function memberClockStamps(timeZone) {
    if (!timeZone) {
      return undefined; // A site's own token names no member zone: Web Chat's stamps.
    }
    let wallClock;
    try {
      wallClock = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
      });
    } catch {
      return undefined; // A zone this browser does not know: Web Chat's stamps.
    }
    const restamped = new WeakMap(); // One copy per activity, so Web Chat's memoized parts see the same one each render.
    const onMemberClock = activity => {
      if (!restamped.has(activity)) {
        const at = new Date(activity.timestamp);
        const part = Object.fromEntries(wallClock.formatToParts(at).map(({ type, value }) => [type, Number(value)]));
        const reading = new Date(part.year, part.month - 1, part.day, part.hour, part.minute, part.second, at.getMilliseconds());
        restamped.set(activity, { ...activity, timestamp: reading.toISOString() });
      }
      return restamped.get(activity);
    };
    return () => next => args => {
      const { activity, sendState } = args;
      if (sendState !== 'sent' || !activity || !activity.timestamp || isNaN(new Date(activity.timestamp).getTime())) {
        return next(args);
      }
      return next({ ...args, activity: onMemberClock(activity) });
    };
  }

  // Typing right after the page loads goes to the message box (the first input is the hidden file picker).
  function focusMessageBox(host) {
    const find = () => host.querySelector('[data-id="webchat-sendbox-input"]');
    if (find()) {
      find().focus();
      return;
    }
    const observer = new MutationObserver(() => {
      if (find()) {
        observer.disconnect();
        find().focus();
      }
    });
    observer.observe(host, { childList: true, subtree: true });
  }

  // A refused post or upload (too big, wrong type) says why, not only "Send failed. Retry.".
  function createStore() {
    return window.WebChat.createStore({}, ({ dispatch }) => next => action => {
      if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' && refusal(action.payload)) {
        dispatch({
          type: 'WEB_CHAT/SET_NOTIFICATION',
          payload: { id: 'send-refused', level: 'error', message: "Couldn't send: " + refusal(action.payload) }
        });
      } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') {
        dispatch({ type: 'WEB_CHAT/DISMISS_NOTIFICATION', payload: { id: 'send-refused' } });
      }
      return next(action);
    });
  }

  // The reason in the Direct Line error body ({"error":{"message":…}}) of a 4xx answer.
  function refusal(error) {
    const xhr = error && error.xhr;
    let body = (error && error.response) || (xhr && (xhr.response || xhr.responseText));
    if (typeof body === 'string') {
      try { body = JSON.parse(body); } catch { return null; }
    }
    return (body && body.error && body.error.message) || null;
  }

  if (!window.WebChat) {
    show('The Web Chat bundle is missing: build the bot once so <code>wwwroot/lib/webchat.js</code> is fetched.');
    return;
  }
  members.addEventListener('click', event => {
    const member = event.target.closest('button')?.dataset.member;
    if (member && member !== requested) {
      signIn(member).catch(error => show('Sign-in failed: ' + error.message));
    }
  });
  const memberKey = localStorage.getItem(memberKeyStorage);
  const first = memberKey ? signInMember(memberKey) : signIn(localStorage.getItem(storageKey) || 'member');
  first.catch(error => show('Sign-in failed: ' + error.message));
})();
