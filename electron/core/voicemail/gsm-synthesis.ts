// GSM 06.10 (RPE-LTP) decoder arithmetic, bit-exact with libgsm (Degener & Bormann, TU Berlin),
// the library sox and Asterisk use: RPE decoding, long-term and short-term synthesis filtering,
// deemphasis and upscaling, on 16-bit saturating fixed point. Frame unpacking lives in
// gsm610.ts. All state sits in preallocated typed arrays so decoding allocates nothing per frame.

const MIN_WORD = -32768;
const MAX_WORD = 32767;

/** Number of coded parameters in one 260-bit frame (8 LARs + 4 x (N, b, M, xmax, 13 x xM)). */
export const GSM_PARAM_COUNT = 76;

const LAR_BITS = [6, 6, 5, 5, 4, 4, 3, 3];
const SUBFRAME_BITS = [7, 2, 2, 6, ...Array<number>(13).fill(3)]; // N, b, M, xmax, 13 x xM
/** Bit widths of the coded parameters, in the order both packings store them. */
export const GSM_PARAM_BITS: readonly number[] = [
  ...LAR_BITS,
  ...Array<number[]>(4).fill(SUBFRAME_BITS).flat(),
];

// Table 4.1 (B, MIC) and 4.2 (INVA): decoding of the log-area ratios.
const LAR_B = [0, 0, 2048, -2560, 94, -1792, -341, -1144];
const LAR_B2 = Int32Array.from(LAR_B, (b) => b * 2);
const LAR_MIC = Int32Array.of(-32, -32, -16, -16, -8, -8, -4, -4);
const LAR_INVA = Int32Array.of(13107, 13107, 13107, 13107, 19223, 17476, 31454, 29708);
// Table 4.3b: quantization levels of the LTP gain.
const QLB = Int32Array.of(3277, 11469, 21299, 32767);
// Table 4.6: normalized direct mantissa of xmax.
const FAC = Int32Array.of(18431, 20479, 22527, 24575, 26623, 28671, 30719, 32767);

function sat(x: number): number {
  return x < MIN_WORD ? MIN_WORD : x > MAX_WORD ? MAX_WORD : x;
}

// libgsm's GSM_MULT_R macro. Its one overflow (MIN_WORD * MIN_WORD) cannot occur at the call
// sites below: every left operand is a table constant or a reflection coefficient, whose
// magnitude never exceeds MAX_WORD.
function multR(a: number, b: number): number {
  return (a * b + 16384) >> 15;
}

// 4.2.9.2: interpolated LAR to reflection coefficient. The result is in [-32767, 32767].
function larToRp(x: number): number {
  if (x < 0) {
    const t = x === MIN_WORD ? MAX_WORD : -x;
    return -(t < 11059 ? t << 1 : t < 20070 ? t + 11059 : sat((t >> 2) + 26112));
  }
  return x < 11059 ? x << 1 : x < 20070 ? x + 11059 : sat((x >> 2) + 26112);
}

/** One decoder's state (libgsm's struct gsm_state, decoder part); decode frames in order. */
export class GsmSynthesis {
  // drp[-120..39] of libgsm is dp[0..159] here (drp = dp + 120).
  private readonly dp = new Int32Array(160);
  private readonly v = new Int32Array(9);
  private readonly larpp = new Int32Array(16);
  private readonly rrp = new Int32Array(8);
  private readonly erp = new Int32Array(40);
  private readonly wt = new Int32Array(160);
  private larIdx = 0;
  private nrp = 40;
  private msr = 0;

  /** Decodes one frame of parameters (layout of GSM_PARAM_BITS) into out[off..off+159]. */
  decodeFrame(p: Int32Array, out: Int16Array, off: number): void {
    const dp = this.dp;
    const erp = this.erp;
    const wt = this.wt;
    for (let j = 0; j < 4; j++) {
      const base = 8 + 17 * j;
      this.rpeDecode(p[base + 3]!, p[base + 2]!, p, base + 4);
      // 4.3.2 long-term synthesis: an out-of-range lag keeps the previous one.
      const ncr = p[base]!;
      const nr = ncr < 40 || ncr > 120 ? this.nrp : ncr;
      this.nrp = nr;
      const brp = QLB[p[base + 1]!]!;
      for (let k = 0; k < 40; k++) {
        const d = sat(erp[k]! + multR(brp, dp[120 + k - nr]!));
        dp[120 + k] = d;
        wt[j * 40 + k] = d;
      }
      dp.copyWithin(0, 40, 160);
    }
    this.shortTermSynthesis(p, out, off);
    this.postprocess(out, off);
  }

  // 4.2.15-4.2.17: xmaxc to exponent/mantissa, APCM inverse quantization, grid positioning.
  private rpeDecode(xmaxc: number, mc: number, p: Int32Array, xmcAt: number): void {
    let exp = 0;
    if (xmaxc > 15) exp = (xmaxc >> 3) - 1;
    let mant = xmaxc - (exp << 3);
    if (mant === 0) {
      exp = -4;
      mant = 7;
    } else {
      while (mant <= 7) {
        mant = (mant << 1) | 1;
        exp--;
      }
      mant -= 8;
    }
    const temp1 = FAC[mant]!;
    const temp2 = 6 - exp; // 0..10
    const temp3 = temp2 >= 1 ? 1 << (temp2 - 1) : 0; // gsm_asl(1, temp2 - 1)
    const erp = this.erp;
    erp.fill(0);
    for (let i = 0; i < 13; i++) {
      const temp = ((p[xmcAt + i]! << 1) - 7) << 12;
      erp[mc + 3 * i] = sat(multR(temp1, temp) + temp3) >> temp2;
    }
  }

  // 4.2.8-4.2.10 on the decoder side: LAR decoding, interpolation over four segments of the
  // frame (13, 14, 13 and 120 samples) and the lattice synthesis filter.
  private shortTermSynthesis(p: Int32Array, out: Int16Array, off: number): void {
    const larpp = this.larpp;
    const cur = this.larIdx * 8;
    const prev = (this.larIdx ^ 1) * 8;
    this.larIdx ^= 1;
    for (let i = 0; i < 8; i++) {
      const t = sat(((p[i]! + LAR_MIC[i]!) << 10) - LAR_B2[i]!);
      const m = multR(LAR_INVA[i]!, t);
      larpp[cur + i] = sat(m + m);
    }
    const rrp = this.rrp;
    for (let i = 0; i < 8; i++) {
      const a = larpp[prev + i]!;
      const b = larpp[cur + i]!;
      rrp[i] = larToRp(sat(sat((a >> 2) + (b >> 2)) + (a >> 1)));
    }
    this.filter(0, 13, out, off);
    for (let i = 0; i < 8; i++) {
      rrp[i] = larToRp(sat((larpp[prev + i]! >> 1) + (larpp[cur + i]! >> 1)));
    }
    this.filter(13, 27, out, off);
    for (let i = 0; i < 8; i++) {
      const a = larpp[prev + i]!;
      const b = larpp[cur + i]!;
      rrp[i] = larToRp(sat(sat((a >> 2) + (b >> 2)) + (b >> 1)));
    }
    this.filter(27, 40, out, off);
    for (let i = 0; i < 8; i++) rrp[i] = larToRp(larpp[cur + i]!);
    this.filter(40, 160, out, off);
  }

  // The lattice filter keeps its nine-word memory in locals over a whole segment: this loop
  // carries almost all of the decoder's time.
  private filter(from: number, to: number, out: Int16Array, off: number): void {
    const wt = this.wt;
    const v = this.v;
    const rrp = this.rrp;
    const r0 = rrp[0]!,
      r1 = rrp[1]!,
      r2 = rrp[2]!,
      r3 = rrp[3]!;
    const r4 = rrp[4]!,
      r5 = rrp[5]!,
      r6 = rrp[6]!,
      r7 = rrp[7]!;
    let v0 = v[0]!,
      v1 = v[1]!,
      v2 = v[2]!,
      v3 = v[3]!,
      v4 = v[4]!;
    let v5 = v[5]!,
      v6 = v[6]!,
      v7 = v[7]!,
      v8 = v[8]!;
    for (let k = from; k < to; k++) {
      let s = wt[k]!;
      s = sat(s - ((r7 * v7 + 16384) >> 15));
      v8 = sat(v7 + ((r7 * s + 16384) >> 15));
      s = sat(s - ((r6 * v6 + 16384) >> 15));
      v7 = sat(v6 + ((r6 * s + 16384) >> 15));
      s = sat(s - ((r5 * v5 + 16384) >> 15));
      v6 = sat(v5 + ((r5 * s + 16384) >> 15));
      s = sat(s - ((r4 * v4 + 16384) >> 15));
      v5 = sat(v4 + ((r4 * s + 16384) >> 15));
      s = sat(s - ((r3 * v3 + 16384) >> 15));
      v4 = sat(v3 + ((r3 * s + 16384) >> 15));
      s = sat(s - ((r2 * v2 + 16384) >> 15));
      v3 = sat(v2 + ((r2 * s + 16384) >> 15));
      s = sat(s - ((r1 * v1 + 16384) >> 15));
      v2 = sat(v1 + ((r1 * s + 16384) >> 15));
      s = sat(s - ((r0 * v0 + 16384) >> 15));
      v1 = sat(v0 + ((r0 * s + 16384) >> 15));
      v0 = s;
      out[off + k] = s;
    }
    v[0] = v0;
    v[1] = v1;
    v[2] = v2;
    v[3] = v3;
    v[4] = v4;
    v[5] = v5;
    v[6] = v6;
    v[7] = v7;
    v[8] = v8;
  }

  // 4.3.5: deemphasis, then upscaling by 2 with the three low bits truncated.
  private postprocess(out: Int16Array, off: number): void {
    let msr = this.msr;
    for (let k = off; k < off + 160; k++) {
      msr = sat(out[k]! + multR(msr, 28180));
      out[k] = sat(msr + msr) & -8;
    }
    this.msr = msr;
  }
}
