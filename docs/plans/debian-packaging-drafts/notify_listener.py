import os, socket, subprocess, sys
name = "lz-notify-%d" % os.getpid()
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind("\0" + name); s.settimeout(2)
env = dict(os.environ, NOTIFY_SOCKET="@" + name, WATCHDOG_USEC="200000")
p = subprocess.Popen(sys.argv[1:], env=env)
while True:
    try: print(s.recv(4096).decode().split("\n"))
    except socket.timeout: break
p.wait()
