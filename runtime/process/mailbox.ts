/**
 * The mailbox and the receive operations compiled code calls (AtomVM style: one
 * method per instruction):
 *
 *   loop_rec        → p.peekMsg()        message at the save pointer, or undefined
 *   loop_rec_end    → p.nextMsg()        advance the save pointer
 *   remove_message  → p.removeMsg()      unlink it, save pointer to head, cancel timer
 *   wait            → p.waitMsg()        mark waiting, return SUSPEND
 *   wait_timeout    → p.waitTimeout(T)   true: go to `timeout` now; false: wait
 *   timeout         → p.timeoutMsg()     save pointer to head, clear the flag
 *   recv_marker_*   → p.recvMarkerReserve/Bind/Clear/Use
 *
 * The queue is a singly linked list with a sentinel head. The save pointer is
 * the node *before* the current message, so removing the current message is
 * O(1) wherever it is: a selective receive that skips k messages costs O(k),
 * never O(queue length) per removal.
 *
 * Timeouts follow BEAM: when the receive timer fires, the process wakes with a
 * flag set and resumes its receive loop; messages that arrived are still
 * scanned first, and `wait_timeout` then falls through to `timeout` because the
 * flag is set. `remove_message` and `timeout` clear the flag.
 */
import { ErlangError, SUSPEND } from './protocol.js';
import { NIL, Ref, type Term } from '../terms/types.js';
import { refKey, type RefKey } from './refs.js';
import type { Timer } from './timers.js';

export class MsgNode {
  next: MsgNode | undefined = undefined;
  removed = false;
  constructor(public readonly msg: Term) {}
}

/** The largest `after` value BEAM accepts (2^32 - 1 ms). */
export const MAX_RECEIVE_TIMEOUT = 0xffffffff;

/** Most receive markers a process keeps (BEAM keeps a small fixed block). */
const MAX_MARKERS = 16;

export abstract class Mailbox {
  private mqHead: MsgNode = new MsgNode(NIL);
  private mqTail: MsgNode = this.mqHead;
  /** The node before the current message. */
  private mqSave: MsgNode = this.mqHead;
  private mqLen = 0;
  /** The armed receive `after` timer, if any. */
  recvTimer: Timer | undefined = undefined;
  /** Set when the receive timer fired; cleared by remove_message / timeout. */
  timeoutFired = false;
  /**
   * The current receive's `after` value has been taken (the timer, if any,
   * runs): a re-entered wait_timeout, after a message that did not match,
   * neither re-reads nor re-checks it. The timeout operand need not survive
   * the suspension (generated code keeps only y registers across it).
   */
  private afterTaken = false;
  private markerSeq = 0;
  private reserved: [number, MsgNode] | undefined = undefined;
  private markers: Map<RefKey, MsgNode> | undefined = undefined;

  /** Arm a receive timer of `ms` milliseconds for this process. */
  protected abstract armReceiveTimer(ms: number): Timer;
  protected abstract cancelReceiveTimer(t: Timer): void;
  /** Mark the process as waiting for a message. */
  protected abstract markWaiting(): void;

  // ---- queue ----

  /** Number of messages in the queue (`message_queue_len`). */
  get queueLength(): number {
    return this.mqLen;
  }

  /** Append a message (O(1)). Waking the process is the sender's job. */
  enqueue(msg: Term): void {
    const n = new MsgNode(msg);
    this.mqTail.next = n;
    this.mqTail = n;
    this.mqLen++;
  }

  /** The messages in queue order (`process_info(P, messages)`). */
  messages(): Term[] {
    const out: Term[] = [];
    for (let n = this.mqHead.next; n !== undefined; n = n.next) out.push(n.msg);
    return out;
  }

  /** Drop every message (a process that exits). */
  clearMailbox(): void {
    this.mqHead.next = undefined;
    this.mqTail = this.mqSave = this.mqHead;
    this.mqLen = 0;
    this.markers = undefined;
    this.reserved = undefined;
  }

  /**
   * Remove the first message satisfying `pred` (demonitor's `flush`), keeping
   * the save pointer and the tail valid. Returns whether one was removed.
   */
  removeFirstWhere(pred: (msg: Term) => boolean): boolean {
    for (let prev = this.mqHead, n = prev.next; n !== undefined; prev = n, n = n.next) {
      if (!pred(n.msg)) continue;
      prev.next = n.next;
      if (this.mqTail === n) this.mqTail = prev;
      if (this.mqSave === n) this.mqSave = prev;
      n.removed = true;
      this.mqLen--;
      return true;
    }
    return false;
  }

  /** Move the save pointer back to the first message. */
  resetSavePointer(): void {
    this.mqSave = this.mqHead;
  }

  // ---- receive instructions ----

  /** loop_rec: the message at the save pointer, or undefined when none is left. */
  peekMsg(): Term | undefined {
    const n = this.mqSave.next;
    return n === undefined ? undefined : n.msg;
  }

  /** loop_rec_end: skip the current message. */
  nextMsg(): void {
    const n = this.mqSave.next;
    if (n !== undefined) this.mqSave = n;
  }

  /** remove_message: take the current message out of the queue and return it. */
  removeMsg(): Term | undefined {
    const prev = this.mqSave;
    const n = prev.next;
    this.mqSave = this.mqHead;
    this.clearReceiveTimer();
    if (n === undefined) return undefined;
    prev.next = n.next;
    if (this.mqTail === n) this.mqTail = prev;
    n.removed = true;
    this.mqLen--;
    return n.msg;
  }

  /** wait: nothing matched; compiled code saved its frame at loop_rec. */
  waitMsg(): typeof SUSPEND {
    this.markWaiting();
    return SUSPEND;
  }

  /**
   * wait_timeout: `t` must be a non-negative integer below 2^32 or `infinity`
   * (else `error:timeout_value`). Returns true when execution must fall through
   * to the `timeout` instruction now (t is 0, or the timer has fired).
   * Otherwise arms the timer if it is not armed yet, marks the process waiting
   * and returns false; compiled code then saves its frame and returns SUSPEND.
   */
  waitTimeout(t: Term): boolean {
    if (this.afterTaken) {
      if (this.timeoutFired) return true;
      this.markWaiting();
      return false;
    }
    let ms = -1;
    if (t !== 'infinity') {
      if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t > MAX_RECEIVE_TIMEOUT) {
        throw new ErlangError('error', 'timeout_value');
      }
      ms = t;
    }
    if (this.timeoutFired || ms === 0) return true;
    if (ms > 0 && this.recvTimer === undefined) this.recvTimer = this.armReceiveTimer(ms);
    this.afterTaken = true;
    this.markWaiting();
    return false;
  }

  /** On resume: did the receive timer fire? */
  timedOut(): boolean {
    return this.timeoutFired;
  }

  /** timeout: the `after` branch is taken. */
  timeoutMsg(): void {
    this.mqSave = this.mqHead;
    this.clearReceiveTimer();
  }

  private clearReceiveTimer(): void {
    const t = this.recvTimer;
    if (t !== undefined) {
      this.recvTimer = undefined;
      this.cancelReceiveTimer(t);
    }
    this.timeoutFired = false;
    this.afterTaken = false;
  }

  // ---- receive markers (OTP 24+): skip messages queued before a new ref ----

  /** recv_marker_reserve: remember the current end of the queue. */
  recvMarkerReserve(): Term {
    const id = ++this.markerSeq;
    this.reserved = [id, this.mqTail];
    return id;
  }

  /** recv_marker_bind: associate the reserved marker with `ref`. */
  recvMarkerBind(marker: Term, ref: Term): void {
    const r = this.reserved;
    this.reserved = undefined;
    if (r === undefined || r[0] !== marker || !(ref instanceof Ref)) return;
    const ms = (this.markers ??= new Map());
    if (ms.size >= MAX_MARKERS) ms.clear();
    ms.set(refKey(ref), r[1]);
  }

  /** recv_marker_clear: forget the marker of `ref`. */
  recvMarkerClear(ref: Term): void {
    if (this.markers !== undefined && ref instanceof Ref) this.markers.delete(refKey(ref));
  }

  /**
   * recv_marker_use: start the next scan after the marker of `ref`. Messages
   * before it predate the ref and cannot match. A marker whose node has been
   * received meanwhile is ignored (the scan then starts at the head).
   */
  recvMarkerUse(ref: Term): void {
    if (this.markers === undefined || !(ref instanceof Ref)) return;
    const n = this.markers.get(refKey(ref));
    if (n !== undefined && !n.removed && this.mqSave === this.mqHead) this.mqSave = n;
  }
}
