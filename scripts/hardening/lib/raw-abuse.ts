/**
 * Misbehaving clients for the fault script: a request abandoned halfway through its body, and a
 * client that sends headers slowly and never finishes.
 */
import { connect } from "node:net";

/** Send the headers and part of a body, then drop the connection. */
export function abortHalfway(port: number, path: string, body: string): Promise<void> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1", () => {
      const len = Buffer.byteLength(body);
      s.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${len}\r\n\r\n`,
      );
      s.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => {
        s.destroy();
        resolve();
      }, 5);
    });
    s.on("error", () => resolve());
  });
}

/** Dribble a header line, then go silent until the server gives up (or `maxMs`). */
export function slowHeaders(port: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1", () => s.write("POST / HTTP/1.1\r\nHost: localhost\r\n"));
    const timer = setTimeout(() => s.destroy(), maxMs);
    s.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
    s.on("error", () => {});
  });
}
