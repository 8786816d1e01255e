/**
 * The production entry: Next.js's standalone server.js, started with the socket peer
 * recorded (socket-peer.cjs) and a bounded graceful shutdown (graceful-shutdown.cjs).
 * These files sit beside server.js in the image and in .next/standalone.
 */
"use strict";
require("./socket-peer.cjs");
require("./graceful-shutdown.cjs");
require("./server.js");
