"use strict";
const el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach(c => node.append(c));
  return node;
};
const schemaText = (doc, schema) => {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array") return schemaText(doc, schema.items) + "[]";
  if (schema.enum) return schema.enum.join(" | ");
  return [].concat(schema.type || "object").join(" | ") + (schema.format ? ` (${schema.format})` : "");
};
const render = doc => {
  document.getElementById("title").textContent = doc.info.title;
  document.getElementById("description").textContent = doc.info.description || "";
  const byTag = new Map();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      const op = item[method];
      if (!op) continue;
      const tag = (op.tags || ["Other"])[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op, shared: item.parameters || [] });
    }
  }
  const root = document.getElementById("operations");
  root.textContent = "";
  for (const [tag, ops] of byTag) {
    root.append(el("h2", {}, tag));
    for (const { path, method, op, shared } of ops) {
      const box = el("div", { class: "op" }, el("span", { class: `method ${method}` }, method), el("code", {}, path));
      if (op.summary) box.append(el("p", {}, op.summary));
      const params = shared.concat(op.parameters || []);
      if (params.length) {
        const table = el("table", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type")));
        params.forEach(p => table.append(el("tr", {}, el("td", {}, p.name + (p.required ? " *" : "")), el("td", {}, p.in), el("td", {}, schemaText(doc, p.schema)))));
        box.append(table);
      }
      const body = op.requestBody && op.requestBody.content && Object.values(op.requestBody.content)[0];
      if (body) box.append(el("p", {}, "Body: ", el("code", {}, schemaText(doc, body.schema))));
      const responses = Object.entries(op.responses || {}).map(([code, r]) => {
        const content = r.content && Object.values(r.content)[0];
        return code + (content && content.schema ? " " + schemaText(doc, content.schema) : "");
      });
      box.append(el("p", {}, "Responses: " + responses.join(", ")));
      root.append(box);
    }
  }
  const schemas = (doc.components && doc.components.schemas) || {};
  if (Object.keys(schemas).length) {
    root.append(el("h2", {}, "Schemas"));
    for (const [name, schema] of Object.entries(schemas)) {
      const rows = Object.entries(schema.properties || {}).map(([p, s]) => `${p}: ${schemaText(doc, s)}`);
      root.append(el("div", { class: "op" }, el("strong", {}, name), el("pre", {}, rows.join("\n") || schemaText(doc, schema))));
    }
  }
};
fetch("/openapi/v1.json").then(r => r.json()).then(render)
  .catch(e => { document.getElementById("operations").textContent = "Could not load the OpenAPI document: " + e; });
