/**
 * Records the TCP peer of every request as the right-most X-Forwarded-For entry, before
 * Next.js sees the request. Next.js only fills that header when it is absent, so without
 * this a client could name any address it likes; with it, whatever the client sent stays
 * to the left of an entry it cannot forge, and TRUSTED_PROXY_HOPS decides how many
 * right-most entries (appended by our own reverse proxies) to look past.
 *
 * Loaded before the server starts (`node --require ./socket-peer.cjs`, or by server.cjs).
 * Next.js owns the http.Server it creates, so wrapping createServer's request listener is
 * the one place where the socket and the headers meet.
 */
"use strict";
const http = require("node:http");
const https = require("node:https");

function withSocketPeer(listener) {
  if (typeof listener !== "function") return listener;
  return function recordSocketPeer(request, response) {
    const peer = request.socket?.remoteAddress;
    if (peer) {
      const forwarded = request.headers["x-forwarded-for"];
      request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
    }
    return listener.call(this, request, response);
  };
}

for (const serverModule of [http, https]) {
  const createServer = serverModule.createServer;
  serverModule.createServer = function createServerRecordingPeers(...args) {
    const index = args.findIndex((arg) => typeof arg === "function");
    if (index !== -1) args[index] = withSocketPeer(args[index]);
    return createServer.apply(this, args);
  };
}
