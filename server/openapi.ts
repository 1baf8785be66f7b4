/**
 * The OpenAPI 3.1 document of a running service, generated from the policies it serves: each
 * policy gets its own evaluate, batch and schema paths with its application schema.
 */
import type { PolicyState } from "./policy-store.js";
import { SHARED_SCHEMAS } from "./openapi-schemas.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });

const ERRORS = {
  "400": errorResponse("请求有误（JSON 语法、嵌套过深、参数有误）"),
  "404": errorResponse("找不到政策"),
  "413": errorResponse("请求体过大或批量份数过多"),
  "415": errorResponse("内容类型不是 application/json"),
  "503": errorResponse("政策无法编译，暂不能计算"),
};

/** A component name OpenAPI accepts, unique per policy. */
function componentName(id: string, i: number): string {
  const ascii = id
    .replace(/[^A-Za-z0-9_.-]/g, "_")
    .replace(/_+/g, "_")
    .slice(0, 60);
  return `Application_${i}_${ascii}`;
}

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

function policyPaths(s: PolicyState, app: string): Record<string, unknown> {
  const c = s.current!;
  const title = c.policy.meta.title;
  const base = `/policies/${encodeURIComponent(s.id)}`;
  const single = {
    oneOf: [
      ref(app),
      {
        allOf: [ref("Options")],
        type: "object",
        required: ["application"],
        properties: { application: ref(app) },
      },
    ],
  };
  const batch = {
    oneOf: [
      { type: "array", items: ref(app) },
      {
        allOf: [ref("Options")],
        type: "object",
        required: ["applications"],
        properties: { applications: { type: "array", items: ref(app) } },
      },
    ],
  };
  const query = [
    { name: "date", in: "query", schema: { type: "string" }, description: "申报日期" },
    { name: "explain", in: "query", schema: { type: "boolean" }, description: "是否附带说明" },
    { name: "applicant", in: "query", schema: { type: "string" }, description: "申报主体" },
  ];
  return {
    [base]: {
      get: {
        summary: `${title}：政策信息`,
        responses: { "200": { description: "政策的版本、条款与输入" }, "404": ERRORS["404"] },
      },
    },
    [`${base}/schema`]: {
      get: {
        summary: `${title}：申报材料的 JSON Schema`,
        responses: {
          "200": { description: "JSON Schema", content: json(ref(app)) },
          "404": ERRORS["404"],
        },
      },
    },
    [`${base}/evaluate`]: {
      post: {
        summary: `${title}：计算一份申报`,
        parameters: query,
        requestBody: { required: true, content: json(single) },
        responses: {
          "200": { description: "计算结果与说明", content: json(ref("Evaluated")) },
          "422": errorResponse("申报材料有误：每个问题一条中文说明，指明字段"),
          ...ERRORS,
        },
      },
    },
    [`${base}/batch`]: {
      post: {
        summary: `${title}：批量计算（按申报日期先后，共用台账）`,
        parameters: query,
        requestBody: { required: true, content: json(batch) },
        responses: {
          "200": { description: "逐份结果与台账", content: json(ref("BatchResult")) },
          ...ERRORS,
        },
      },
    },
  };
}

/** Build the OpenAPI document for the policies currently served. */
export function openApiDocument(
  table: ReadonlyMap<string, PolicyState>,
  version: string,
): Record<string, unknown> {
  const schemas: Record<string, unknown> = { ...SHARED_SCHEMAS };
  const paths: Record<string, unknown> = {
    "/health": {
      get: {
        summary: "健康检查：服务状态与无法编译的政策",
        responses: { "200": { description: "状态" } },
      },
    },
    "/policies": {
      get: {
        summary: "政策列表：版本、有效期、状态",
        responses: { "200": { description: "列表" } },
      },
    },
    "/openapi.json": {
      get: { summary: "本文档", responses: { "200": { description: "OpenAPI 文档" } } },
    },
    "/diff": {
      post: {
        summary:
          "比较两个版本：改了什么、谁的金额变化；并用求解器证明每条改动与合计不变，或列出金额不同的区域与两版实际计算验证过的例子（每次求解与整个证明都有时限，未证明的如实说明）",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["old", "new"],
                additionalProperties: false,
                properties: {
                  old: { type: "string", description: "原版政策文本" },
                  new: { type: "string", description: "新版政策文本" },
                  prove: { type: "boolean", description: "是否用求解器证明（默认是）" },
                  timeoutMs: {
                    type: "integer",
                    minimum: 100,
                    maximum: 4000,
                    description: "每次求解的时限（毫秒，默认 2000）",
                  },
                  totalMs: {
                    type: "integer",
                    minimum: 500,
                    maximum: 10000,
                    description:
                      "整个证明的时限（毫秒，默认 10000）：到时正在进行的求解也停止，未证明的条款只做了抽样",
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": { description: "差异报告（report）与证明（proof）" },
          "400": { description: "请求有误" },
          "422": { description: "有版本无法编译" },
          "503": { description: "求解器正忙" },
        },
      },
    },
  };
  let i = 0;
  for (const s of table.values()) {
    if (!s.current) continue;
    const name = componentName(s.id, i++);
    schemas[name] = withoutDialect(s.current.policy.schema);
    Object.assign(paths, policyPaths(s, name));
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "zhengce 政策计算服务",
      version,
      description: "按政策计算资助金额，并给出中文说明。金额均为以元为单位的十进制字符串。",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: { schemas },
  };
}
