/**
 * The application form, generated from the policy's declared inputs. It follows the policy as it
 * is edited: fields appear and disappear with the declarations, and values typed so far are kept by
 * name.
 */
import { clauseKeyText } from "../../../grammar/index.js";
import type { InputMeta, PolicyMeta } from "../../../runtime/index.js";
import { moneyPlain } from "./money-el.js";
import { byId, h, replaceChildren } from "./dom.js";
import type { FieldError, FieldValue, FormState } from "./form-values.js";

const TYPE_ZH: Record<string, string> = {
  money: "金额",
  ratio: "比例",
  count: "数量",
  date: "日期",
  bool: "是否",
  text: "文本",
  enum: "类别",
  moneyBy: "分类金额",
  moneyByYear: "年度金额",
};

function defaultText(input: InputMeta): string {
  const d = input.default;
  if (d === undefined || d === null) return "";
  if (typeof d === "boolean") return d ? "是" : "否";
  if (input.type === "money" && (typeof d === "string" || typeof d === "number"))
    return moneyPlain(String(d));
  return typeof d === "object" ? "" : String(d);
}

/** The generated form; `onChange` fires on every edit. */
export class InputForm {
  private inputs: readonly InputMeta[] = [];
  private params: readonly InputMeta[] = [];
  private signature = "";
  private values: Record<string, FieldValue>;
  private date: string;
  private context: FormState["context"];
  private readonly errorSlots = new Map<string, HTMLElement>();
  private built = 0;

  constructor(
    private readonly container: HTMLElement,
    initial: FormState,
    private readonly onChange: (s: FormState) => void,
  ) {
    this.values = { ...initial.values };
    this.date = initial.date;
    this.context = initial.context;
    this.showContext();
    byId("btn-clear-context").addEventListener("click", () => {
      this.context = undefined;
      this.showContext();
      this.changed();
    });
    const dateInput = byId<HTMLInputElement>("app-date");
    dateInput.value = this.date;
    dateInput.addEventListener("input", () => {
      this.date = dateInput.value;
      this.changed();
    });
  }

  /** The form's current state. */
  get state(): FormState {
    return {
      date: this.date,
      values: { ...this.values },
      ...(this.context ? { context: this.context } : {}),
    };
  }

  /** The inputs the form currently shows. */
  get fields(): readonly InputMeta[] {
    return this.inputs;
  }

  /** Follow the policy's inputs; rebuilds only when the declarations changed. */
  update(inputs: readonly InputMeta[], params: PolicyMeta["params"] = []): void {
    const unset = params.filter((p) => !p.set);
    const sig = JSON.stringify([
      inputs.map((i) => [i.name, i.type, i.values, i.unit, i.default]),
      unset,
    ]);
    if (sig === this.signature) return;
    this.signature = sig;
    this.inputs = inputs;
    this.params = unset.map((p) => ({
      name: p.name,
      type: p.type,
      required: false,
      description: "待定参数：政策留待申报指南设定；此处填写的值只用于试算。",
    }));
    this.render();
  }

  /** The parameters left unset (待定) by the policy, which the form lets the drafter try. */
  get paramFields(): readonly InputMeta[] {
    return this.params;
  }

  /** Replace every value (loading a case); fields not given are cleared. */
  setState(state: FormState): void {
    this.values = { ...state.values };
    this.date = state.date;
    this.context = state.context;
    byId<HTMLInputElement>("app-date").value = state.date;
    this.showContext();
    this.render();
    this.changed();
  }

  /** Show problems next to their fields (unmatched ones are the caller's to show). */
  showErrors(errors: readonly FieldError[]): FieldError[] {
    for (const slot of this.errorSlots.values()) slot.textContent = "";
    const unmatched: FieldError[] = [];
    for (const e of errors) {
      // The runtime names parameters 参数.名称 and detail rows 名称（项目）.
      const field = e.field.replace(/^参数\./, "");
      const slot = this.errorSlots.get(field) ?? this.errorSlots.get(field.replace(/（.*$/, ""));
      if (slot)
        slot.textContent = slot.textContent ? `${slot.textContent}；${e.message}` : e.message;
      else unmatched.push(e);
    }
    return unmatched;
  }

  /** Say which case's ledger, approvals and parameters the result includes. */
  private showContext(): void {
    const box = byId("case-context");
    box.hidden = !this.context;
    if (!this.context) return;
    const o = this.context.options;
    const parts = [
      o.ledger?.length ? `此前已获资助 ${o.ledger.length} 笔` : "",
      o.approved && Object.keys(o.approved).length
        ? `核定金额 ${Object.keys(o.approved).map(clauseKeyText).join("、")}`
        : "",
      o.params && Object.keys(o.params).length ? `参数 ${Object.keys(o.params).join("、")}` : "",
    ].filter(Boolean);
    byId("case-context-text").textContent =
      `试算包含案例“${this.context.title}”的${parts.join("，")}。`;
  }

  private changed(): void {
    this.onChange(this.state);
  }

  private set(name: string, v: FieldValue): void {
    this.values[name] = v;
    this.changed();
  }

  private render(): void {
    this.errorSlots.clear();
    this.built = 0;
    if (!this.inputs.length) {
      replaceChildren(this.container, h("p", { class: "muted" }, "政策还没有声明申报信息。"));
      return;
    }
    replaceChildren(this.container, ...this.inputs.map((i) => this.field(i)));
    if (this.params.length) {
      this.container.append(
        h("h3", {}, "待定参数（试算用）"),
        ...this.params.map((p) => this.field(p)),
      );
    }
  }

  private field(input: InputMeta): HTMLElement {
    // Ids by position: names are Chinese and may hold any character.
    const id = `field-${this.built++}`;
    const error = h("div", { class: "field-error", attrs: { role: "alert", id: `${id}-error` } });
    this.errorSlots.set(input.name, error);
    const type = TYPE_ZH[input.type] ?? input.type;
    // Rows of amounts are a group of inputs: their label names the group, not one control.
    const grouped = input.type === "moneyBy" || input.type === "moneyByYear";
    const label = h(
      grouped ? "div" : "label",
      { class: "field-label", attrs: grouped ? { id: `${id}-label` } : { for: id } },
      input.name,
      h("span", { class: "field-type" }, input.unit ? `${type}（${input.unit}）` : type),
      input.required ? h("span", { class: "required", title: "必填" }, "*") : null,
    );
    const desc = input.description
      ? h("div", { class: "field-desc", attrs: { id: `${id}-desc` } }, input.description)
      : null;
    const described = [desc ? `${id}-desc` : "", `${id}-error`].filter(Boolean).join(" ");
    return h(
      "div",
      { class: "field", attrs: { "data-field-row": input.name } },
      label,
      this.control(input, id, described),
      desc,
      error,
    );
  }

  private control(input: InputMeta, id: string, describedBy: string): HTMLElement {
    const name = input.name;
    const v = this.values[name];
    const attrs = { "data-field": name, id, "aria-describedby": describedBy };
    const def = defaultText(input);
    switch (input.type) {
      case "bool": {
        const box = h("input", { attrs: { ...attrs, type: "checkbox", role: "switch" } });
        box.checked = v === true || (v === undefined && input.default === true);
        const text = h("span", {}, box.checked ? "是" : "否");
        box.addEventListener("change", () => {
          text.textContent = box.checked ? "是" : "否";
          this.set(name, box.checked);
        });
        return h("label", { class: "toggle" }, box, text);
      }
      case "enum": {
        const select = h(
          "select",
          { attrs },
          h("option", { attrs: { value: "" } }, def ? `（默认：${def}）` : "（请选择）"),
        );
        for (const value of input.values ?? [])
          select.append(h("option", { attrs: { value } }, value));
        select.value = typeof v === "string" ? v : "";
        select.addEventListener("change", () => this.set(name, select.value));
        return select;
      }
      case "date": {
        const el = h("input", { attrs: { ...attrs, type: "date" } });
        el.value = typeof v === "string" ? v : "";
        el.addEventListener("input", () => this.set(name, el.value));
        return el;
      }
      case "moneyBy":
      case "moneyByYear":
        return this.rows(input, typeof v === "object" ? v : {}, id, describedBy);
      default: {
        const hint: Record<string, string> = {
          money: "如 200万、1.5亿、3000元",
          ratio: "如 30%",
          count: "如 12",
        };
        const placeholder = def ? `默认：${def}` : (hint[input.type] ?? "");
        const el = h("input", {
          attrs: {
            ...attrs,
            type: "text",
            placeholder,
            inputmode: input.type === "text" ? "text" : "decimal",
          },
        });
        el.value = typeof v === "string" ? v : "";
        el.addEventListener("input", () => this.set(name, el.value));
        return el;
      }
    }
  }

  /** Amounts per category or per year: one row per key. */
  private rows(
    input: InputMeta,
    current: Readonly<Record<string, string>>,
    id: string,
    describedBy: string,
  ): HTMLElement {
    const name = input.name;
    const byYear = input.type === "moneyByYear";
    const keys = byYear ? Object.keys(current).sort() : [...(input.values ?? Object.keys(current))];
    const table = h("div", {
      class: "rows",
      attrs: {
        "data-field": name,
        role: "group",
        "aria-labelledby": `${id}-label`,
        "aria-describedby": describedBy,
      },
    });
    const value = () => ({ ...((this.values[name] as Record<string, string> | undefined) ?? {}) });
    const addRow = (key: string) => {
      const amount = h("input", {
        attrs: {
          type: "text",
          placeholder: "金额，如 50万",
          "aria-label": `${name} ${byYear ? `${key}年` : key}`,
        },
      });
      amount.value = current[key] ?? "";
      amount.addEventListener("input", () => this.set(name, { ...value(), [key]: amount.value }));
      table.append(
        h(
          "div",
          { class: "row" },
          h("span", { class: "row-key" }, byYear ? `${key}年` : key),
          amount,
        ),
      );
    };
    keys.forEach(addRow);
    if (!byYear) return table;
    const year = h("input", {
      attrs: {
        type: "number",
        placeholder: "年度，如 2022",
        min: "1990",
        max: "2100",
        "aria-label": `${name}：要添加的年度`,
      },
    });
    const add = h("button", { attrs: { type: "button" } }, "添加年度");
    add.addEventListener("click", () => {
      const y = year.value.trim();
      if (!/^\d{4}$/.test(y) || y in value()) return;
      this.values[name] = { ...value(), [y]: "" };
      addRow(y);
      year.value = "";
    });
    return h("div", {}, table, h("div", { class: "row add" }, year, add));
  }
}
