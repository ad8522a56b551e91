// The server under test: started by Playwright's webServer on the port the config chose.
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ path: req.url, port }));
}).listen(port, '127.0.0.1');
