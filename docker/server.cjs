/**
 * The production entry: Next.js's standalone server.js, started with the socket peer
 * recorded (socket-peer.cjs). Both files sit beside server.js in the image and in
 * .next/standalone.
 */
"use strict";
require("./socket-peer.cjs");
require("./server.js");
