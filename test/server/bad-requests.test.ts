import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOf, call, EXAMPLE_APP, raw, SEED_ID, seedServer, statusOf } from "./harness.js";

let srv: Awaited<ReturnType<typeof seedServer>>;
const EVAL = `/policies/${SEED_ID}/evaluate`;
beforeAll(async () => {
  srv = await seedServer({ maxBodyBytes: 64 * 1024, maxDepth: 16, maxBatch: 50, maxLedger: 20 });
});
afterAll(() => srv.dispose());

describe("HTTP service: bad requests get 4xx JSON in Chinese", () => {
  it("wrong or missing content type → 415", async () => {
    const a = await call(srv.url, "POST", EVAL, "{}", { "content-type": "text/plain" });
    expect(a.status).toBe(415);
    expect(a.body.error).toMatch(/不支持的内容类型/);
    const b = await call(srv.url, "POST", EVAL, "{}", {
      "content-type": "application/json; charset=gbk",
    });
    expect(b.status).toBe(415);
    const c = await raw(srv.port, [
      `POST ${EVAL} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}`,
    ]);
    expect(statusOf(c.text)).toBe(415);
    expect(bodyOf(c.text).error).toMatch(/缺少内容类型/);
  });

  it("oversized body → 413, declared or streamed", async () => {
    const big = JSON.stringify({ ...EXAMPLE_APP, 申报项目: "x".repeat(70 * 1024) });
    const a = await call(srv.url, "POST", EVAL, big);
    expect(a.status).toBe(413);
    expect(a.body.error).toBe("请求体过大：不能超过 64 KB");
    // Chunked, no length: refused while streaming.
    const chunk = "x".repeat(16 * 1024);
    const parts = [
      `POST ${EVAL} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    ];
    for (let i = 0; i < 8; i++) parts.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const b = await raw(srv.port, parts, { gapMs: 5 });
    expect(statusOf(b.text)).toBe(413);
  });

  it("deep JSON, bad JSON, bad UTF-8, empty body → 400", async () => {
    const deep = await call(srv.url, "POST", EVAL, "[".repeat(20000) + "]".repeat(20000));
    expect(deep).toMatchObject({ status: 400, body: { error: "JSON 嵌套过深：不能超过 16 层" } });
    const deepString = await call(
      srv.url,
      "POST",
      EVAL,
      JSON.stringify({ 申报项目: "[".repeat(100) }),
    );
    expect(deepString.status).toBe(422); // brackets inside strings do not count
    const bad = await call(srv.url, "POST", EVAL, '{"注册地在本区": tru}');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^请求体不是有效的 JSON/);
    const utf = await call(
      srv.url,
      "POST",
      EVAL,
      new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    );
    expect(utf).toMatchObject({ status: 400, body: { error: "请求体不是有效的 UTF-8 文本" } });
    const empty = await call(srv.url, "POST", EVAL, "");
    expect(empty.status).toBe(400);
  });

  it("a field name longer than any of the policy's, or nesting too deep, is refused before the rest arrives", async () => {
    // the headers promise 60 KB; only the start is sent: the answer comes without the rest
    const head = (start: string) => [
      `POST ${EVAL} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${60 * 1024}\r\n\r\n`,
      start,
    ];
    const long = await raw(
      srv.port,
      head(`{"注册地在本区": true, "${"注".repeat(5) + "x".repeat(4000)}`),
      {
        waitMs: 5000,
      },
    );
    expect(statusOf(long.text)).toBe(400);
    const body = bodyOf(long.text);
    expect(body.error).toBe("请求体中有过长的字段名：本政策没有这样的字段");
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].field).toBe("注".repeat(5) + "x".repeat(35));
    expect(body.errors[0].message).toMatch(/^未知的字段“注注注注注x+…”：字段名超过 \d+ 个字节/);
    const deep = await raw(srv.port, head(`{"a": ${"[".repeat(17)}`), { waitMs: 5000 });
    expect(statusOf(deep.text)).toBe(400);
    expect(bodyOf(deep.text).error).toBe("JSON 嵌套过深：不能超过 16 层");
    // long strings as values, and keys as long as the policy's own, are read as before
    const value = await call(srv.url, "POST", EVAL, {
      ...EXAMPLE_APP,
      申报项目: "注".repeat(4000),
    });
    expect(value.status).toBe(200);
    const known = await call(srv.url, "POST", EVAL, EXAMPLE_APP);
    expect(known.status).toBe(200);
  });

  it("an application with several problems → 422 with one message per field", async () => {
    const r = await call(srv.url, "POST", EVAL, {
      注册地在本区: "也许",
      法人企业: true,
      经营状态正常: true,
      项目实际投资: "-5万",
      项目级别: "省级",
      服务区内企业数量: "NaN",
      专项审计确认费用: 1e300,
      项目已投入金额: "200万",
      土建: 1,
    });
    expect(r.status).toBe(422);
    const fields = r.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(
      [
        "信用记录良好",
        "土建",
        "注册地在本区",
        "服务区内企业数量",
        "项目实际投资",
        "项目级别",
        "专项审计确认费用",
      ].sort(),
    );
    for (const e of r.body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("non-object applications → 422, not a crash", async () => {
    for (const body of ["null", "1", '"x"', "[]", "true"]) {
      const r = await call(srv.url, "POST", EVAL, body);
      expect(r.status).toBe(422);
      expect(r.body.errors[0].field).toBe("(申报材料)");
    }
  });

  it("bad options → 400 naming each field", async () => {
    const r = await call(srv.url, "POST", `${EVAL}?explain=maybe&foo=1`, {
      application: EXAMPLE_APP,
      date: "2022-02-30",
      ledger: [{ applicant: "", clause: 99, amount: "-1", date: "x" }, 5],
      approved: { 第99条: "1万", 第10条: "abc" },
      params: { 服务企业数量要求: "很多", 不存在: 1 },
      extra: true,
    });
    expect(r.status).toBe(400);
    const fields = r.body.errors.map((e: { field: string }) => e.field);
    for (const f of [
      "explain",
      "foo",
      "date",
      "ledger[0].applicant",
      "ledger[0].clause",
      "ledger[0].amount",
      "ledger[0].date",
      "ledger[1]",
      "approved.第99条",
      "approved.第10条",
      "params.服务企业数量要求",
      "params.不存在",
      "extra",
    ])
      expect(fields).toContain(f);
  });

  it("batch limits: not an array → 400, too many → 413, ledger too long → 400", async () => {
    expect(
      (await call(srv.url, "POST", `/policies/${SEED_ID}/batch`, { applications: {} })).status,
    ).toBe(400);
    expect(
      (await call(srv.url, "POST", `/policies/${SEED_ID}/batch`, Array(51).fill({}))).status,
    ).toBe(413);
    const ledger = Array(21).fill({ applicant: "a", clause: 9, amount: "1", date: "2022-01-01" });
    expect((await call(srv.url, "POST", EVAL, { application: EXAMPLE_APP, ledger })).status).toBe(
      400,
    );
  });

  it("malformed request lines, headers and paths → 4xx, and the server keeps serving", async () => {
    expect(statusOf((await raw(srv.port, ["GARBAGE\r\n\r\n"])).text)).toBe(400);
    const huge = await raw(srv.port, [
      `GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: ${"a".repeat(20000)}\r\n\r\n`,
    ]);
    expect(statusOf(huge.text)).toBe(431);
    expect(bodyOf(huge.text).error).toBe("请求头过大");
    const enc = await call(srv.url, "GET", "/policies/%E0%A4%A/schema");
    expect(enc.status).toBe(400);
    const ok = await call(srv.url, "GET", "/health");
    expect(ok.status).toBe(200);
  });

  it("random garbage (seeded) never crashes the server", async () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
    const pieces = [
      "{",
      "}",
      "[",
      "]",
      '"',
      ":",
      ",",
      "1e400",
      "-0",
      "null",
      "true",
      "\\u0000",
      "__proto__",
      "注册地在本区",
      "200万",
      "NaN",
      " ",
      "\n",
      "\u2028",
    ];
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      let body = "";
      const n = Math.floor(rand() * 30);
      for (let j = 0; j < n; j++) body += pieces[Math.floor(rand() * pieces.length)];
      const r = await call(srv.url, "POST", i % 2 ? EVAL : `/policies/${SEED_ID}/batch`, body);
      statuses.add(r.status);
      expect(r.status, body).toBeGreaterThanOrEqual(200);
      expect(r.status, body).toBeLessThan(500);
      expect(typeof r.body, body).toBe("object");
    }
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)),
      );
      const r = await raw(srv.port, [bytes], { waitMs: 500 });
      const s = statusOf(r.text);
      expect(s === 0 || (s >= 400 && s < 500)).toBe(true);
    }
    expect((await call(srv.url, "GET", "/health")).status).toBe(200);
  });
});
