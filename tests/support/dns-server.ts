import { createSocket, type RemoteInfo } from "node:dgram";

/** How the server treats every query: answer from `records`, fail (SERVFAIL), or never answer. */
export type DnsBehaviour = "answer" | "servfail" | "silent";

export type DnsServer = {
  /** For DNS_RESOLVER: `127.0.0.1:<port>`. */
  address: string;
  /** TXT records by lower-case name; a name not here is NXDOMAIN. */
  records: Map<string, string[]>;
  behaviour: DnsBehaviour;
  /** Every name asked for, in order. */
  queries: string[];
  close(): Promise<void>;
};

const typeTxt = 16;

/** The question's name and where the question ends (RFC 1035 §4.1.2); queries carry no compression. */
function readQuestion(message: Buffer): { name: string; end: number; type: number } {
  const labels: string[] = [];
  let offset = 12;
  while (message[offset] !== 0) {
    const length = message[offset]!;
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString("latin1"));
    offset += 1 + length;
  }
  const type = message.readUInt16BE(offset + 1);
  return { name: labels.join(".").toLowerCase(), end: offset + 5, type };
}

/** One TXT answer pointing back at the question's name (0xc00c), its value split into strings of at most 255 bytes. */
function txtAnswer(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  const count = Math.max(1, Math.ceil(bytes.length / 255));
  const chunks = Array.from({ length: count }, (_, index) => bytes.subarray(index * 255, (index + 1) * 255));
  const data = Buffer.concat(chunks.flatMap((chunk) => [Buffer.from([chunk.length]), chunk]));
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0);
  fixed.writeUInt16BE(typeTxt, 2);
  fixed.writeUInt16BE(1, 4); // class IN
  fixed.writeUInt32BE(60, 6); // TTL
  fixed.writeUInt16BE(data.length, 10);
  return Buffer.concat([fixed, data]);
}

function answer(server: DnsServer, query: Buffer): Buffer {
  const question = readQuestion(query);
  server.queries.push(question.name);
  const values = server.records.get(question.name);
  const rcode = server.behaviour === "servfail" ? 2 : values ? 0 : 3;
  const answers = rcode === 0 && question.type === typeTxt ? values!.map(txtAnswer) : [];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // the id
  header.writeUInt16BE(0x8000 | (query.readUInt16BE(2) & 0x0100) | 0x0400 | 0x0080 | rcode, 2); // QR, RD copied, AA, RA
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, question.end), ...answers]);
}

/**
 * A DNS server on loopback that answers TXT queries from a table, so domain verification
 * is tested against a real resolver and real packets, without the internet.
 */
export async function startDnsServer(): Promise<DnsServer> {
  const socket = createSocket("udp4");
  const server: DnsServer = {
    address: "",
    records: new Map(),
    behaviour: "answer",
    queries: [],
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on("message", (query: Buffer, peer: RemoteInfo) => {
    if (server.behaviour === "silent" || query.length < 17) return;
    socket.send(answer(server, query), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  server.address = `127.0.0.1:${socket.address().port}`;
  return server;
}
