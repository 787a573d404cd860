#!/usr/bin/env node
/*
 * Serves the built dist/ folder on http://127.0.0.1:8080 (or --port N), with Node's own http
 * module: enough to try check.html, or the task pane in a browser, without installing a server.
 *   npm run serve [-- --port 9000] [--dir path/to/dist]
 * Listens on 127.0.0.1 only, so nothing on the network can reach it.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

function parse(argv) {
  const options = { port: 8080, dir: path.join(__dirname, "..", "dist") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split("=", 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--port") {
      const text = value();
      const port = Number(text);
      if (!/^\d+$/.test(String(text)) || port < 1 || port > 65535) fail(`端口必须是 1–65535 之间的整数：${text}`);
      options.port = port;
    } else if (flag === "--dir") options.dir = path.resolve(value() || "");
    else if (flag === "--help" || flag === "-h") {
      console.log("用法：npm run serve [-- --port 8080] [--dir dist]");
      process.exit(0);
    } else fail(`不认识的参数：${arg}（用法：npm run serve -- --port 8080）`);
  }
  return options;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

const { port, dir } = parse(process.argv.slice(2));
const root = path.resolve(dir);
if (!fs.existsSync(path.join(root, "check.html"))) fail(`找不到 ${path.join(root, "check.html")}：请先运行 npm run build。`);

const server = http.createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url || "/", "http://127.0.0.1").pathname);
  } catch {
    res.writeHead(400).end("bad request");
    return;
  }
  if (pathname === "/") pathname = "/check.html";
  const file = path.normalize(path.join(root, pathname));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("找不到该文件");
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    // Content-hashed scripts change name with every build; everything else must never be stale.
    "Cache-Control": /\.[0-9a-f]{8}\.js$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(file).pipe(res);
});

server.on("error", (error) => {
  if (error.code === "EADDRINUSE") fail(`端口 ${port} 已被占用，请换一个端口：npm run serve -- --port ${port + 1}`);
  fail(`无法启动服务（${error.code || error.message}）`);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`正在提供 ${root}`);
  console.log(`浏览器版检查：http://127.0.0.1:${port}/check.html`);
  console.log("按 Ctrl+C 停止。");
});
