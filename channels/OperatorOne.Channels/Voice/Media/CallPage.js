(function () {
  'use strict';
  // The Media Streams messages Twilio exchanges, so the bot treats this page like a phone line:
  // 20 ms frames of 8 kHz G.711 mu-law out, the bot's frames and marks in.
  const frameBytes = 160;
  const who = document.getElementById('who');
  const callButton = document.getElementById('call');
  const state = document.getElementById('state');
  const stats = window.callStats = { framesSent: 0, framesReceived: 0, marks: 0, conversationId: null };
  let session = null;
  let call = null;

  async function signIn(member) {
    // Demo sign-in, as on the web chat page (Development only); a real site would hand the page a token.
    const response = await fetch('/webchat/demo/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ member })
    });
    if (!response.ok) {
      who.textContent = 'Sign-in failed (' + response.status + ')';
      return;
    }
    session = await response.json();
    stats.conversationId = session.conversationId;
    for (const button of document.querySelectorAll('#members button')) {
      button.setAttribute('aria-pressed', String(button.dataset.member === member));
    }
    who.textContent = 'Signed in as ' + session.userName;
    callButton.disabled = false;
  }

  function muLawEncode(sample) {
    let pcm = Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
    const sign = (pcm >> 8) & 0x80;
    if (sign) { pcm = -pcm; }
    pcm = Math.min(pcm, 32635) + 0x84;
    let exponent = 7;
    for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) { exponent--; }
    const mantissa = (pcm >> (exponent + 3)) & 0x0f;
    return ~(sign | (exponent << 4) | mantissa) & 0xff;
  }

  function muLawDecode(value) {
    value = ~value & 0xff;
    const exponent = (value >> 4) & 7;
    const magnitude = ((((value & 0x0f) << 3) + 0x84) << exponent) - 0x84;
    return ((value & 0x80) ? -magnitude : magnitude) / 32768;
  }

  function base64(bytes) {
    let text = '';
    for (const b of bytes) { text += String.fromCharCode(b); }
    return btoa(text);
  }

  async function startCall() {
    // Raw microphone: Chrome's noise suppression and echo canceller distort the narrowband speech the offline
    // recognizer hears (most utterances were rejected with them on); use headphones so replies do not echo back.
    const media = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    const context = new AudioContext();
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(scheme + '//' + location.host + '/api/voice/twilio/stream?t=' + encodeURIComponent(session.token));
    const streamSid = 'MZbrowser' + Math.random().toString(16).slice(2);
    const ratio = context.sampleRate / 8000;
    const pending = [];
    let position = 0;
    let playhead = 0;
    let playing = [];
    call = { media, context, socket };

    socket.onopen = () => {
      socket.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
      socket.send(JSON.stringify({
        event: 'start', sequenceNumber: '1', streamSid,
        start: { streamSid, tracks: ['inbound'], customParameters: {}, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } }
      }));
      state.textContent = 'Connected';
    };
    socket.onclose = event => { state.textContent = 'Call ended' + (event.reason ? ': ' + event.reason : ''); hangUp(); };
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.event === 'media') {
        stats.framesReceived++;
        play(message.media.payload);
      } else if (message.event === 'mark') {
        // Like Twilio: the mark comes back when playback reaches it.
        const name = message.mark.name;
        const wait = Math.max(0, (playhead - context.currentTime) * 1000);
        setTimeout(() => {
          stats.marks++;
          if (socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({ event: 'mark', streamSid, mark: { name } }));
          }
        }, wait);
      } else if (message.event === 'clear') {
        for (const source of playing) { source.stop(); }
        playing = [];
        playhead = context.currentTime;
      }
    };

    function play(payload) {
      const bytes = atob(payload);
      const buffer = context.createBuffer(1, bytes.length, 8000);
      const samples = buffer.getChannelData(0);
      for (let i = 0; i < bytes.length; i++) { samples[i] = muLawDecode(bytes.charCodeAt(i)); }
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      playhead = Math.max(playhead, context.currentTime + 0.05);
      source.start(playhead);
      playhead += buffer.duration;
      playing.push(source);
      source.onended = () => { playing = playing.filter(s => s !== source); };
    }

    const input = context.createMediaStreamSource(media);
    const processor = context.createScriptProcessor(2048, 1, 1);
    processor.onaudioprocess = event => {
      const samples = event.inputBuffer.getChannelData(0);
      // Downsample by averaging each 8 kHz sample's span of input samples (a box low-pass against aliasing).
      while (position + ratio <= samples.length) {
        let sum = 0;
        const start = Math.floor(position);
        const end = Math.floor(position + ratio);
        for (let i = start; i < end; i++) { sum += samples[i]; }
        pending.push(muLawEncode(sum / Math.max(1, end - start)));
        position += ratio;
      }
      position -= samples.length;
      while (pending.length >= frameBytes && socket.readyState === WebSocket.OPEN) {
        const frame = pending.splice(0, frameBytes);
        socket.send(JSON.stringify({ event: 'media', streamSid, media: { track: 'inbound', payload: base64(frame) } }));
        stats.framesSent++;
      }
    };
    input.connect(processor);
    processor.connect(context.destination);
    call.processor = processor;
    callButton.textContent = 'Hang up';
    callButton.setAttribute('aria-pressed', 'true');
  }

  function hangUp() {
    if (!call) { return; }
    const ending = call;
    call = null;
    if (ending.socket.readyState === WebSocket.OPEN) {
      ending.socket.send(JSON.stringify({ event: 'stop' }));
      ending.socket.close(1000, 'Hung up');
    }
    ending.processor?.disconnect();
    ending.media.getTracks().forEach(track => track.stop());
    ending.context.close();
    callButton.textContent = 'Call';
    callButton.setAttribute('aria-pressed', 'false');
  }

  document.getElementById('members').addEventListener('click', event => {
    const member = event.target.closest('button')?.dataset.member;
    if (member) { hangUp(); signIn(member); }
  });
  callButton.addEventListener('click', () => {
    if (call) { hangUp(); } else { startCall().catch(error => { state.textContent = 'Call failed: ' + error.message; }); }
  });
  signIn('member');
})();
