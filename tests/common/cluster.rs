//! PostgreSQL clusters of a test's own: `initdb` into a temporary directory, started on a free
//! port with its socket in that directory, stopped (immediately) and removed when the guard is
//! dropped. The machine's server is never touched.
//!
//! PostgreSQL refuses to run as root: when the tests run as root, every server command runs as
//! the `postgres` system user (`runuser`), and the directory is given to that user.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The directory of the server's programs (`pg_config --bindir`, else the newest
/// `/usr/lib/postgresql/*/bin`).
pub fn bindir() -> Result<PathBuf, String> {
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if dir.join("initdb").exists() {
            return Ok(dir);
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| format!("no PostgreSQL server programs (/usr/lib/postgresql: {e})"))?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    found.sort();
    found
        .pop()
        .ok_or_else(|| "no initdb under /usr/lib/postgresql/*/bin".to_string())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A free TCP port on 127.0.0.1 (bound, then released).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local address").port()
}

/// Run one of the server's programs as the user that may run the server; its output on failure.
pub fn run(program: &Path, args: &[&str]) -> Result<String, String> {
    let mut cmd = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    let out = cmd
        .args(args)
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{} {}: {}{}",
            program.display(),
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Give a file to the server's user with `mode` (a key must be 0600 and the server's own).
pub fn give_to_server(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| e.to_string())?;
    if is_root() {
        let st = Command::new("chown")
            .arg("postgres:postgres")
            .arg(path)
            .status()
            .map_err(|e| e.to_string())?;
        if !st.success() {
            return Err(format!("chown postgres {}", path.display()));
        }
    }
    Ok(())
}

/// A temporary directory the server's user owns.
pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Result<Workdir, String> {
        let dir = tempfile::Builder::new()
            .prefix("vigie-cluster-")
            .tempdir()
            .map_err(|e| e.to_string())?;
        if is_root() {
            let st = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .map_err(|e| e.to_string())?;
            if !st.success() {
                return Err(format!("chown postgres {}", dir.path().display()));
            }
        }
        Ok(Workdir { dir })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// One running server.
pub struct Cluster {
    bin: PathBuf,
    pub data: PathBuf,
    pub port: u16,
}

impl Cluster {
    /// A new primary: `initdb` with trust authentication (replication included), listening on
    /// 127.0.0.1 only; `settings` are appended to its postgresql.conf.
    pub fn init(work: &Workdir, name: &str, settings: &str) -> Result<Cluster, String> {
        let bin = bindir()?;
        let data = work.path().join(name);
        let data_s = data.to_str().ok_or("non-UTF-8 temp path")?;
        run(
            &bin.join("initdb"),
            &["-D", data_s, "-A", "trust", "-U", "postgres", "--no-sync"],
        )?;
        Cluster::configure(work, bin, data, settings)
    }

    /// A streaming standby of `primary`, made by `pg_basebackup -R` (it replays the primary's
    /// WAL as it comes).
    pub fn standby_of(primary: &Cluster, work: &Workdir, name: &str) -> Result<Cluster, String> {
        let data = work.path().join(name);
        let data_s = data.to_str().ok_or("non-UTF-8 temp path")?;
        let port = primary.port.to_string();
        run(
            &primary.bin.join("pg_basebackup"),
            &[
                "-h",
                "127.0.0.1",
                "-p",
                &port,
                "-U",
                "postgres",
                "-D",
                data_s,
                "-R",
                "-X",
                "stream",
                // An immediate checkpoint: the default spreads it over minutes.
                "-c",
                "fast",
                "--no-sync",
            ],
        )?;
        Cluster::configure(work, primary.bin.clone(), data, "hot_standby = on\n")
    }

    fn configure(
        work: &Workdir,
        bin: PathBuf,
        data: PathBuf,
        settings: &str,
    ) -> Result<Cluster, String> {
        let port = free_port();
        let socket = work.path().to_path_buf();
        let conf = format!(
            "\n# vigie test cluster\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{}'\nfsync = off\nshared_buffers = 16MB\nmax_connections = 20\nmax_wal_senders = 4\nwal_level = replica\n{settings}",
            socket.display()
        );
        let path = data.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        text.push_str(&conf);
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        let c = Cluster { bin, data, port };
        c.start()?;
        Ok(c)
    }

    fn start(&self) -> Result<(), String> {
        let log = self.data.with_extension("log");
        run(
            &self.bin.join("pg_ctl"),
            &[
                "-D",
                self.data.to_str().unwrap_or_default(),
                "-l",
                log.to_str().unwrap_or_default(),
                "-w",
                "-t",
                "60",
                "start",
            ],
        )
        .map(|_| ())
        .map_err(|e| {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            format!("{e}\n{log}")
        })
    }

    /// `postgres://postgres@127.0.0.1:PORT/DB`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// A synchronous client on `db`.
    pub fn client(&self, db: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(db), postgres::NoTls)
            .unwrap_or_else(|e| panic!("connect to the test cluster on {}: {e}", self.port))
    }

    /// One value of a query, as text.
    pub fn value(&self, db: &str, sql: &str) -> String {
        self.client(db)
            .query_one(sql, &[])
            .map(|r| r.get::<_, String>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = run(
            &self.bin.join("pg_ctl"),
            &[
                "-D",
                self.data.to_str().unwrap_or_default(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }
}
