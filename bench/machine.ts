/** The machine the bench shares with other processes: CPU load, a process's CPU time and memory, a description. */
import * as fs from "fs";
import * as os from "os";

export interface CpuSnapshot {
  /** Busy jiffies of the whole machine (all cores). */
  machineBusy: number;
  /** Jiffies of this process and its reaped children (the provider hosts). */
  own: number;
  at: number;
}

/** From /proc/stat and /proc/self/stat; the bench shares the machine, so it reports what others used. */
export function cpuSnapshot(): CpuSnapshot {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu;
  const self = fs.readFileSync("/proc/self/stat", "utf8");
  const f = self
    .slice(self.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  return { machineBusy: user + nice + system + irq + softirq + steal, own: f[11] + f[12] + f[13] + f[14], at: Date.now() };
}

/** Average number of cores other processes kept busy between two snapshots (hosts still running count as others). */
export function othersBusyCores(a: CpuSnapshot, b: CpuSnapshot): number {
  const seconds = (b.at - a.at) / 1000;
  return seconds > 0 ? Math.max(0, (b.machineBusy - a.machineBusy - (b.own - a.own)) / 100 / seconds) : 0;
}
export function hostMemory(pid: number): { hwmBytes: number; rssBytes: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { hwmBytes: kb("VmHWM"), rssBytes: kb("VmRSS") };
}

/** utime + stime of a process, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function hostCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields after the command: state is index 0, so utime (field 14) is index 11 and stime index 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
export function machine(): string[] {
  const cpu = os.cpus();
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? "unknown"}, ${cpu.length} cores`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
  ];
}
