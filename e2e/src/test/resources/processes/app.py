# A small web app for the processes e2e tests (stdlib only): echoes what it was asked on any path,
# streams three chunks a second apart under /stream, and echoes WebSocket text frames.
import base64, hashlib, http.server, os, socketserver, struct, sys, time

GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # Headers and body leave in separate writes: without this, Nagle's algorithm and delayed ACKs
    # hold each response about 40 ms on a kept-alive connection.
    disable_nagle_algorithm = True

    def do_GET(self):
        if self.headers.get('Upgrade', '').lower() == 'websocket':
            return self.websocket()
        if self.path.startswith('/stream'):
            self.send_response(200)
            self.send_header('Content-Type', 'text/plain')
            self.send_header('Transfer-Encoding', 'chunked')
            self.end_headers()
            for i in range(3):
                data = ('chunk%d\n' % i).encode()
                self.wfile.write(b'%x\r\n%s\r\n' % (len(data), data))
                self.wfile.flush()
                time.sleep(1)
            self.wfile.write(b'0\r\n\r\n')
            return
        body = ('%s path=%s prefix=%s authorization=%s' % (
            sys.argv[1], self.path, self.headers.get('X-Forwarded-Prefix'),
            self.headers.get('Authorization'))).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def websocket(self):
        key = self.headers['Sec-WebSocket-Key']
        accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        self.send_response(101)
        self.send_header('Upgrade', 'websocket')
        self.send_header('Connection', 'Upgrade')
        self.send_header('Sec-WebSocket-Accept', accept)
        self.end_headers()
        self.wfile.flush()
        while True:
            head = self.rfile.read(2)
            if len(head) < 2:
                return
            opcode, length = head[0] & 0x0f, head[1] & 0x7f
            if length == 126:
                length = struct.unpack('>H', self.rfile.read(2))[0]
            elif length == 127:
                length = struct.unpack('>Q', self.rfile.read(8))[0]
            mask = self.rfile.read(4) if head[1] & 0x80 else b'\0\0\0\0'
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(self.rfile.read(length)))
            if opcode == 8:
                self.wfile.write(b'\x88\x00')
                self.wfile.flush()
                self.close_connection = True
                return
            if opcode == 1:
                reply = b'echo:' + data
                self.wfile.write(bytes([0x81, len(reply)]) + reply)
                self.wfile.flush()

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


Server(('127.0.0.1', int(os.environ['PORT'])), Handler).serve_forever()
