;; Vector kernels of the interior-point iteration, two float64 lanes at a time (WebAssembly
;; SIMD). Each mirrors a TypeScript kernel (named in its comment) over the entries [0, count),
;; count even; the caller runs the TypeScript kernel over what is left. Arrays are byte offsets
;; into the imported memory: bytes [0, 64) are the reductions' output, [64, 188) the offsets
;; of the solver's fixed arrays (VectorArena.bind: v, sl, su, zl, zu, mlo, mhi, loB, hiB,
;; unscaleV, invUnscaleV, rx, rl, ru, izl, izu, isl, isu, sigL, sigU, sig, dl, du, dv, dsl,
;; dzl, dsu, dzu, rv, kp, pinv, 4 bytes each); the arrays that vary are parameters.
(module
  (import "env" "memory" (memory 1))

  ;; The step kernels inline toBoundary per lane (Node's engine does not inline calls between
  ;; WebAssembly functions): where dx < 0 and −x > α·dx, α = −x/dx, the division only when a
  ;; lane binds, as in newton.ts. Each lane keeps its own running α; for x ≥ 0 (every slack and
  ;; bound dual of an iterate) the least of the two is the sequential loop's minimum.

  ;; The smaller lane (NaN where either is).
  (func $minLanes (param $a v128) (result f64)
    (f64.min (f64x2.extract_lane 0 (local.get $a)) (f64x2.extract_lane 1 (local.get $a))))

  ;; residuals.ts, the bound-row pass of computeResiduals. Writes rx, rl, ru and at byte 0:
  ;; bz, bzAbs, sz (sums), nx, rd, rp, ns, nz (maxima).
  (func (export "residualBounds")
    (param $count i32) (param $tau f64)
    (local $i i32) (local $end i32) (local $t v128)
    (local $vi v128) (local $sli v128) (local $sui v128) (local $zli v128) (local $zui v128)
    (local $m1 v128) (local $m2 v128) (local $r v128) (local $a v128) (local $c v128)
    (local $lob v128) (local $hib v128) (local $tb v128) (local $u v128) (local $iu v128)
    (local $bz v128) (local $bzA v128) (local $sz v128) (local $nx v128) (local $rd v128)
    (local $rp v128) (local $ns v128) (local $nz v128)
    (local $v i32) (local $sl i32) (local $su i32) (local $zl i32) (local $zu i32)
    (local $ml i32) (local $mh i32) (local $lo i32) (local $hi i32) (local $us i32)
    (local $ius i32) (local $rx i32) (local $rl i32) (local $ru i32)
    ;; The fixed arrays, from the table VectorArena.bind writes.
    (local.set $v (i32.load offset=64 (i32.const 0)))
    (local.set $sl (i32.load offset=68 (i32.const 0)))
    (local.set $su (i32.load offset=72 (i32.const 0)))
    (local.set $zl (i32.load offset=76 (i32.const 0)))
    (local.set $zu (i32.load offset=80 (i32.const 0)))
    (local.set $ml (i32.load offset=84 (i32.const 0)))
    (local.set $mh (i32.load offset=88 (i32.const 0)))
    (local.set $lo (i32.load offset=92 (i32.const 0)))
    (local.set $hi (i32.load offset=96 (i32.const 0)))
    (local.set $us (i32.load offset=100 (i32.const 0)))
    (local.set $ius (i32.load offset=104 (i32.const 0)))
    (local.set $rx (i32.load offset=108 (i32.const 0)))
    (local.set $rl (i32.load offset=112 (i32.const 0)))
    (local.set $ru (i32.load offset=116 (i32.const 0)))
    (local.set $t (f64x2.splat (local.get $tau)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $vi (v128.load (i32.add (local.get $v) (local.get $i))))
        (local.set $sli (v128.load (i32.add (local.get $sl) (local.get $i))))
        (local.set $sui (v128.load (i32.add (local.get $su) (local.get $i))))
        (local.set $zli (v128.load (i32.add (local.get $zl) (local.get $i))))
        (local.set $zui (v128.load (i32.add (local.get $zu) (local.get $i))))
        (local.set $m1 (v128.load (i32.add (local.get $ml) (local.get $i))))
        (local.set $m2 (v128.load (i32.add (local.get $mh) (local.get $i))))
        (local.set $lob (v128.load (i32.add (local.get $lo) (local.get $i))))
        (local.set $hib (v128.load (i32.add (local.get $hi) (local.get $i))))
        ;; r = rx + zu − zl
        (local.set $r
          (f64x2.sub
            (f64x2.add (v128.load (i32.add (local.get $rx) (local.get $i))) (local.get $zui))
            (local.get $zli)))
        (v128.store (i32.add (local.get $rx) (local.get $i)) (local.get $r))
        ;; a = ml (sl − v + lo τ), c = mh (su + v − hi τ)
        (local.set $a
          (f64x2.mul (local.get $m1)
            (f64x2.add (f64x2.sub (local.get $sli) (local.get $vi))
              (f64x2.mul (local.get $lob) (local.get $t)))))
        (local.set $c
          (f64x2.mul (local.get $m2)
            (f64x2.sub (f64x2.add (local.get $sui) (local.get $vi))
              (f64x2.mul (local.get $hib) (local.get $t)))))
        (v128.store (i32.add (local.get $rl) (local.get $i)) (local.get $a))
        (v128.store (i32.add (local.get $ru) (local.get $i)) (local.get $c))
        ;; tb = hi zu − lo zl
        (local.set $tb
          (f64x2.sub (f64x2.mul (local.get $hib) (local.get $zui))
            (f64x2.mul (local.get $lob) (local.get $zli))))
        (local.set $bz (f64x2.add (local.get $bz) (local.get $tb)))
        (local.set $bzA (f64x2.add (local.get $bzA) (f64x2.abs (local.get $tb))))
        (local.set $sz
          (f64x2.add (local.get $sz)
            (f64x2.add (f64x2.mul (local.get $sli) (local.get $zli))
              (f64x2.mul (local.get $sui) (local.get $zui)))))
        (local.set $u (v128.load (i32.add (local.get $us) (local.get $i))))
        (local.set $iu (v128.load (i32.add (local.get $ius) (local.get $i))))
        (local.set $nx (f64x2.max (local.get $nx) (f64x2.abs (f64x2.mul (local.get $vi) (local.get $u)))))
        (local.set $rd (f64x2.max (local.get $rd) (f64x2.abs (f64x2.mul (local.get $r) (local.get $iu)))))
        (local.set $rp
          (f64x2.max (local.get $rp)
            (f64x2.max (f64x2.abs (f64x2.mul (local.get $a) (local.get $u)))
              (f64x2.abs (f64x2.mul (local.get $c) (local.get $u))))))
        (local.set $ns
          (f64x2.max (local.get $ns)
            (f64x2.max (f64x2.mul (f64x2.mul (local.get $m1) (local.get $sli)) (local.get $u))
              (f64x2.mul (f64x2.mul (local.get $m2) (local.get $sui)) (local.get $u)))))
        (local.set $nz
          (f64x2.max (local.get $nz)
            (f64x2.max (f64x2.mul (local.get $zli) (local.get $iu))
              (f64x2.mul (local.get $zui) (local.get $iu)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.store offset=0 (i32.const 0)
      (f64.add (f64x2.extract_lane 0 (local.get $bz)) (f64x2.extract_lane 1 (local.get $bz))))
    (f64.store offset=8 (i32.const 0)
      (f64.add (f64x2.extract_lane 0 (local.get $bzA)) (f64x2.extract_lane 1 (local.get $bzA))))
    (f64.store offset=16 (i32.const 0)
      (f64.add (f64x2.extract_lane 0 (local.get $sz)) (f64x2.extract_lane 1 (local.get $sz))))
    (f64.store offset=24 (i32.const 0)
      (f64.max (f64x2.extract_lane 0 (local.get $nx)) (f64x2.extract_lane 1 (local.get $nx))))
    (f64.store offset=32 (i32.const 0)
      (f64.max (f64x2.extract_lane 0 (local.get $rd)) (f64x2.extract_lane 1 (local.get $rd))))
    (f64.store offset=40 (i32.const 0)
      (f64.max (f64x2.extract_lane 0 (local.get $rp)) (f64x2.extract_lane 1 (local.get $rp))))
    (f64.store offset=48 (i32.const 0)
      (f64.max (f64x2.extract_lane 0 (local.get $ns)) (f64x2.extract_lane 1 (local.get $ns))))
    (f64.store offset=56 (i32.const 0)
      (f64.max (f64x2.extract_lane 0 (local.get $nz)) (f64x2.extract_lane 1 (local.get $nz)))))

  ;; newton.ts updateKernel: the direction's Δv, Δz, Δs from v₁, v₂ and Δτ; returns the step to
  ;; the boundary (at most 1).
  (func (export "update")
    (param $count i32) (param $dtau f64) (param $eta f64) (param $v1 i32) (param $v2 i32)
    (result f64)
    (local $i i32) (local $end i32) (local $dt v128) (local $et v128) (local $al v128)
    (local $d v128) (local $a v128) (local $c v128) (local $s1 v128) (local $s2 v128)
    (local $dli v128) (local $dui v128) (local $x v128) (local $dx v128) (local $mask v128)
    (local $loB i32) (local $hiB i32) (local $izl i32) (local $izu i32) (local $rl i32)
    (local $ru i32) (local $sigL i32) (local $sigU i32) (local $dl i32) (local $du i32)
    (local $isl i32) (local $isu i32) (local $sl i32) (local $zl i32) (local $su i32)
    (local $zu i32) (local $dv i32) (local $dzl i32) (local $dzu i32) (local $dsl i32)
    (local $dsu i32)
    ;; The fixed arrays, from the table VectorArena.bind writes.
    (local.set $loB (i32.load offset=92 (i32.const 0)))
    (local.set $hiB (i32.load offset=96 (i32.const 0)))
    (local.set $izl (i32.load offset=120 (i32.const 0)))
    (local.set $izu (i32.load offset=124 (i32.const 0)))
    (local.set $rl (i32.load offset=112 (i32.const 0)))
    (local.set $ru (i32.load offset=116 (i32.const 0)))
    (local.set $sigL (i32.load offset=136 (i32.const 0)))
    (local.set $sigU (i32.load offset=140 (i32.const 0)))
    (local.set $dl (i32.load offset=148 (i32.const 0)))
    (local.set $du (i32.load offset=152 (i32.const 0)))
    (local.set $isl (i32.load offset=128 (i32.const 0)))
    (local.set $isu (i32.load offset=132 (i32.const 0)))
    (local.set $sl (i32.load offset=68 (i32.const 0)))
    (local.set $zl (i32.load offset=76 (i32.const 0)))
    (local.set $su (i32.load offset=72 (i32.const 0)))
    (local.set $zu (i32.load offset=80 (i32.const 0)))
    (local.set $dv (i32.load offset=156 (i32.const 0)))
    (local.set $dzl (i32.load offset=164 (i32.const 0)))
    (local.set $dzu (i32.load offset=172 (i32.const 0)))
    (local.set $dsl (i32.load offset=160 (i32.const 0)))
    (local.set $dsu (i32.load offset=168 (i32.const 0)))
    (local.set $dt (f64x2.splat (local.get $dtau)))
    (local.set $et (f64x2.splat (local.get $eta)))
    (local.set $al (v128.const f64x2 1 1))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        ;; d = v₂ + Δτ v₁
        (local.set $d
          (f64x2.add (v128.load (i32.add (local.get $v2) (local.get $i)))
            (f64x2.mul (local.get $dt) (v128.load (i32.add (local.get $v1) (local.get $i))))))
        (local.set $dli (v128.load (i32.add (local.get $dl) (local.get $i))))
        (local.set $dui (v128.load (i32.add (local.get $du) (local.get $i))))
        ;; a = Σl (η rl − d + lo Δτ) − dl/sl
        (local.set $a
          (f64x2.sub
            (f64x2.mul (v128.load (i32.add (local.get $sigL) (local.get $i)))
              (f64x2.add
                (f64x2.sub
                  (f64x2.mul (local.get $et) (v128.load (i32.add (local.get $rl) (local.get $i))))
                  (local.get $d))
                (f64x2.mul (v128.load (i32.add (local.get $loB) (local.get $i))) (local.get $dt))))
            (f64x2.mul (local.get $dli) (v128.load (i32.add (local.get $isl) (local.get $i))))))
        ;; c = Σu (d + η ru − hi Δτ) − du/su
        (local.set $c
          (f64x2.sub
            (f64x2.mul (v128.load (i32.add (local.get $sigU) (local.get $i)))
              (f64x2.sub
                (f64x2.add (local.get $d)
                  (f64x2.mul (local.get $et) (v128.load (i32.add (local.get $ru) (local.get $i)))))
                (f64x2.mul (v128.load (i32.add (local.get $hiB) (local.get $i))) (local.get $dt))))
            (f64x2.mul (local.get $dui) (v128.load (i32.add (local.get $isu) (local.get $i))))))
        ;; s1 = −(dl + sl a)/zl, s2 = −(du + su c)/zu
        (local.set $s1
          (f64x2.mul
            (f64x2.neg
              (f64x2.add (local.get $dli)
                (f64x2.mul (v128.load (i32.add (local.get $sl) (local.get $i))) (local.get $a))))
            (v128.load (i32.add (local.get $izl) (local.get $i)))))
        (local.set $s2
          (f64x2.mul
            (f64x2.neg
              (f64x2.add (local.get $dui)
                (f64x2.mul (v128.load (i32.add (local.get $su) (local.get $i))) (local.get $c))))
            (v128.load (i32.add (local.get $izu) (local.get $i)))))
        (v128.store (i32.add (local.get $dv) (local.get $i)) (local.get $d))
        (v128.store (i32.add (local.get $dzl) (local.get $i)) (local.get $a))
        (v128.store (i32.add (local.get $dzu) (local.get $i)) (local.get $c))
        (v128.store (i32.add (local.get $dsl) (local.get $i)) (local.get $s1))
        (v128.store (i32.add (local.get $dsu) (local.get $i)) (local.get $s2))
        (local.set $x (v128.load (i32.add (local.get $sl) (local.get $i))))
        (local.set $dx (local.get $s1))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $x (v128.load (i32.add (local.get $zl) (local.get $i))))
        (local.set $dx (local.get $a))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $x (v128.load (i32.add (local.get $su) (local.get $i))))
        (local.set $dx (local.get $s2))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $x (v128.load (i32.add (local.get $zu) (local.get $i))))
        (local.set $dx (local.get $c))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (call $minLanes (local.get $al)))

  ;; ipm-lean-kernels.ts stepAndPrepareKernel: the step, then Σ and the inverses.
  (func (export "stepAndPrepare")
    (param $count i32) (param $alpha f64)
    (local $i i32) (local $end i32) (local $al v128) (local $one v128)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $il v128)
    (local $iu v128) (local $gl v128) (local $gu v128)
    (local $mlo i32) (local $mhi i32) (local $v i32) (local $sl i32) (local $zl i32)
    (local $su i32) (local $zu i32) (local $dv i32) (local $dsl i32) (local $dzl i32)
    (local $dsu i32) (local $dzu i32) (local $isl i32) (local $isu i32) (local $izl i32)
    (local $izu i32) (local $sigL i32) (local $sigU i32) (local $sig i32)
    ;; The fixed arrays, from the table VectorArena.bind writes.
    (local.set $mlo (i32.load offset=84 (i32.const 0)))
    (local.set $mhi (i32.load offset=88 (i32.const 0)))
    (local.set $v (i32.load offset=64 (i32.const 0)))
    (local.set $sl (i32.load offset=68 (i32.const 0)))
    (local.set $zl (i32.load offset=76 (i32.const 0)))
    (local.set $su (i32.load offset=72 (i32.const 0)))
    (local.set $zu (i32.load offset=80 (i32.const 0)))
    (local.set $dv (i32.load offset=156 (i32.const 0)))
    (local.set $dsl (i32.load offset=160 (i32.const 0)))
    (local.set $dzl (i32.load offset=164 (i32.const 0)))
    (local.set $dsu (i32.load offset=168 (i32.const 0)))
    (local.set $dzu (i32.load offset=172 (i32.const 0)))
    (local.set $isl (i32.load offset=128 (i32.const 0)))
    (local.set $isu (i32.load offset=132 (i32.const 0)))
    (local.set $izl (i32.load offset=120 (i32.const 0)))
    (local.set $izu (i32.load offset=124 (i32.const 0)))
    (local.set $sigL (i32.load offset=136 (i32.const 0)))
    (local.set $sigU (i32.load offset=140 (i32.const 0)))
    (local.set $sig (i32.load offset=144 (i32.const 0)))
    (local.set $al (f64x2.splat (local.get $alpha)))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $v) (local.get $i))
          (f64x2.add (v128.load (i32.add (local.get $v) (local.get $i)))
            (f64x2.mul (local.get $al) (v128.load (i32.add (local.get $dv) (local.get $i))))))
        (local.set $a
          (f64x2.add (v128.load (i32.add (local.get $sl) (local.get $i)))
            (f64x2.mul (local.get $al) (v128.load (i32.add (local.get $dsl) (local.get $i))))))
        (local.set $b
          (f64x2.add (v128.load (i32.add (local.get $zl) (local.get $i)))
            (f64x2.mul (local.get $al) (v128.load (i32.add (local.get $dzl) (local.get $i))))))
        (local.set $c
          (f64x2.add (v128.load (i32.add (local.get $su) (local.get $i)))
            (f64x2.mul (local.get $al) (v128.load (i32.add (local.get $dsu) (local.get $i))))))
        (local.set $d
          (f64x2.add (v128.load (i32.add (local.get $zu) (local.get $i)))
            (f64x2.mul (local.get $al) (v128.load (i32.add (local.get $dzu) (local.get $i))))))
        (v128.store (i32.add (local.get $sl) (local.get $i)) (local.get $a))
        (v128.store (i32.add (local.get $zl) (local.get $i)) (local.get $b))
        (v128.store (i32.add (local.get $su) (local.get $i)) (local.get $c))
        (v128.store (i32.add (local.get $zu) (local.get $i)) (local.get $d))
        (local.set $il (f64x2.div (local.get $one) (local.get $a)))
        (local.set $iu (f64x2.div (local.get $one) (local.get $c)))
        (v128.store (i32.add (local.get $isl) (local.get $i)) (local.get $il))
        (v128.store (i32.add (local.get $isu) (local.get $i)) (local.get $iu))
        ;; 1/(z + (1 − mask)), as in the TypeScript kernel
        (v128.store (i32.add (local.get $izl) (local.get $i))
          (f64x2.div (local.get $one)
            (f64x2.add (local.get $b)
              (f64x2.sub (local.get $one) (v128.load (i32.add (local.get $mlo) (local.get $i)))))))
        (v128.store (i32.add (local.get $izu) (local.get $i))
          (f64x2.div (local.get $one)
            (f64x2.add (local.get $d)
              (f64x2.sub (local.get $one) (v128.load (i32.add (local.get $mhi) (local.get $i)))))))
        (local.set $gl (f64x2.mul (local.get $b) (local.get $il)))
        (local.set $gu (f64x2.mul (local.get $d) (local.get $iu)))
        (v128.store (i32.add (local.get $sigL) (local.get $i)) (local.get $gl))
        (v128.store (i32.add (local.get $sigU) (local.get $i)) (local.get $gu))
        (v128.store (i32.add (local.get $sig) (local.get $i)) (f64x2.add (local.get $gl) (local.get $gu)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; ipm-lean-kernels.ts affineStepKernel: the predictor's step to the boundary from Δv.
  (func (export "affineStep")
    (param $count i32) (param $dva i32)
    (result f64)
    (local $i i32) (local $end i32) (local $al v128) (local $d v128) (local $a v128)
    (local $c v128) (local $zli v128) (local $zui v128) (local $sli v128) (local $sui v128)
    (local $x v128) (local $dx v128) (local $mask v128)
    (local $sigL i32) (local $rl i32) (local $zl i32) (local $sl i32) (local $izl i32)
    (local $sigU i32) (local $ru i32) (local $zu i32) (local $su i32) (local $izu i32)
    ;; The fixed arrays, from the table VectorArena.bind writes.
    (local.set $sigL (i32.load offset=136 (i32.const 0)))
    (local.set $rl (i32.load offset=112 (i32.const 0)))
    (local.set $zl (i32.load offset=76 (i32.const 0)))
    (local.set $sl (i32.load offset=68 (i32.const 0)))
    (local.set $izl (i32.load offset=120 (i32.const 0)))
    (local.set $sigU (i32.load offset=140 (i32.const 0)))
    (local.set $ru (i32.load offset=116 (i32.const 0)))
    (local.set $zu (i32.load offset=80 (i32.const 0)))
    (local.set $su (i32.load offset=72 (i32.const 0)))
    (local.set $izu (i32.load offset=124 (i32.const 0)))
    (local.set $al (v128.const f64x2 1 1))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d (v128.load (i32.add (local.get $dva) (local.get $i))))
        (local.set $zli (v128.load (i32.add (local.get $zl) (local.get $i))))
        (local.set $zui (v128.load (i32.add (local.get $zu) (local.get $i))))
        (local.set $sli (v128.load (i32.add (local.get $sl) (local.get $i))))
        (local.set $sui (v128.load (i32.add (local.get $su) (local.get $i))))
        ;; a = Σl (rl − d) − zl, c = Σu (d + ru) − zu
        (local.set $a
          (f64x2.sub
            (f64x2.mul (v128.load (i32.add (local.get $sigL) (local.get $i)))
              (f64x2.sub (v128.load (i32.add (local.get $rl) (local.get $i))) (local.get $d)))
            (local.get $zli)))
        (local.set $c
          (f64x2.sub
            (f64x2.mul (v128.load (i32.add (local.get $sigU) (local.get $i)))
              (f64x2.add (local.get $d) (v128.load (i32.add (local.get $ru) (local.get $i)))))
            (local.get $zui)))
        ;; Δsl = −sl (zl + a)/zl, Δsu = −su (zu + c)/zu
        (local.set $x (local.get $sli))
        (local.set $dx (f64x2.mul (f64x2.mul (f64x2.neg (local.get $sli)) (f64x2.add (local.get $zli) (local.get $a))) (v128.load (i32.add (local.get $izl) (local.get $i)))))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $x (local.get $zli))
        (local.set $dx (local.get $a))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $x (local.get $sui))
        (local.set $dx (f64x2.mul (f64x2.mul (f64x2.neg (local.get $sui)) (f64x2.add (local.get $zui) (local.get $c))) (v128.load (i32.add (local.get $izu) (local.get $i)))))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $x (local.get $zui))
        (local.set $dx (local.get $c))
        (local.set $mask
          (v128.and (f64x2.lt (local.get $dx) (v128.const f64x2 0 0))
            (f64x2.gt (f64x2.neg (local.get $x)) (f64x2.mul (local.get $al) (local.get $dx)))))
        (if (v128.any_true (local.get $mask))
          (then
            (local.set $al
              (v128.bitselect (f64x2.div (f64x2.neg (local.get $x)) (local.get $dx))
                (local.get $al) (local.get $mask)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (call $minLanes (local.get $al)))
  ;; The right-hand-side kernels store each lane of ρv at entry k: kp[pinv[k]] for k < n (the x
  ;; part, permuted), rv[k] for the others.

  ;; ipm-lean-kernels.ts predictorRhsKernel: ρv = Σl rl − Σu ru − rx − zl + zu.
  (func (export "predictorRhs")
    (param $count i32) (param $n i32)
    (local $i i32) (local $end i32) (local $k i32) (local $r v128)
    (local $pinv i32) (local $sigL i32) (local $rl i32) (local $sigU i32) (local $ru i32)
    (local $rx i32) (local $zl i32) (local $zu i32) (local $rv i32) (local $kp i32)
    ;; The fixed arrays, from the table VectorArena.bind writes.
    (local.set $pinv (i32.load offset=184 (i32.const 0)))
    (local.set $sigL (i32.load offset=136 (i32.const 0)))
    (local.set $rl (i32.load offset=112 (i32.const 0)))
    (local.set $sigU (i32.load offset=140 (i32.const 0)))
    (local.set $ru (i32.load offset=116 (i32.const 0)))
    (local.set $rx (i32.load offset=108 (i32.const 0)))
    (local.set $zl (i32.load offset=76 (i32.const 0)))
    (local.set $zu (i32.load offset=80 (i32.const 0)))
    (local.set $rv (i32.load offset=176 (i32.const 0)))
    (local.set $kp (i32.load offset=180 (i32.const 0)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $r
          (f64x2.add
            (f64x2.sub
              (f64x2.sub
                (f64x2.sub
                  (f64x2.mul (v128.load (i32.add (local.get $sigL) (local.get $i)))
                    (v128.load (i32.add (local.get $rl) (local.get $i))))
                  (f64x2.mul (v128.load (i32.add (local.get $sigU) (local.get $i)))
                    (v128.load (i32.add (local.get $ru) (local.get $i)))))
                (v128.load (i32.add (local.get $rx) (local.get $i))))
              (v128.load (i32.add (local.get $zl) (local.get $i))))
            (v128.load (i32.add (local.get $zu) (local.get $i)))))
        (local.set $k (i32.shr_u (local.get $i) (i32.const 3)))
        (if (i32.lt_u (local.get $k) (local.get $n))
          (then
            (f64.store
              (i32.add (local.get $kp)
                (i32.shl (i32.load (i32.add (local.get $pinv) (i32.shl (local.get $k) (i32.const 2))))
                  (i32.const 3)))
              (f64x2.extract_lane 0 (local.get $r))))
          (else
            (f64.store (i32.add (local.get $rv) (local.get $i)) (f64x2.extract_lane 0 (local.get $r)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (if (i32.lt_u (local.get $k) (local.get $n))
          (then
            (f64.store
              (i32.add (local.get $kp)
                (i32.shl (i32.load (i32.add (local.get $pinv) (i32.shl (local.get $k) (i32.const 2))))
                  (i32.const 3)))
              (f64x2.extract_lane 1 (local.get $r))))
          (else
            (f64.store offset=8 (i32.add (local.get $rv) (local.get $i))
              (f64x2.extract_lane 1 (local.get $r)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))

  ;; ipm-lean-kernels.ts correctorRhsKernel: d = s∘z − σμ + w·Δs_a∘Δz_a into dl, du, and
  ;; ρv = η(Σl rl − Σu ru − rx) − dl/sl + du/su.
  (func (export "correctorRhs")
    (param $count i32) (param $n i32) (param $eta f64) (param $sigmaMu f64) (param $w f64)
    (param $dva i32)
    (local $i i32) (local $end i32) (local $et v128) (local $sm v128) (local $wv v128)
    (local $d v128) (local $sli v128) (local $zli v128) (local $sui v128) (local $zui v128)
    (local $gl v128) (local $gu v128) (local $l v128) (local $u v128) (local $aA v128)
    (local $sA v128) (local $cA v128) (local $tA v128) (local $a v128) (local $c v128)
    (local $k i32) (local $r v128)
    (local $pinv i32) (local $mlo i32) (local $mhi i32) (local $sigL i32) (local $rl i32)
    (local $zl i32) (local $sl i32) (local $izl i32) (local $isl i32) (local $sigU i32)
    (local $ru i32) (local $zu i32) (local $su i32) (local $izu i32) (local $isu i32)
    (local $rx i32) (local $dl i32) (local $du i32) (local $rv i32) (local $kp i32)
    ;; The fixed arrays, from the table VectorArena.bind writes.
    (local.set $pinv (i32.load offset=184 (i32.const 0)))
    (local.set $mlo (i32.load offset=84 (i32.const 0)))
    (local.set $mhi (i32.load offset=88 (i32.const 0)))
    (local.set $sigL (i32.load offset=136 (i32.const 0)))
    (local.set $rl (i32.load offset=112 (i32.const 0)))
    (local.set $zl (i32.load offset=76 (i32.const 0)))
    (local.set $sl (i32.load offset=68 (i32.const 0)))
    (local.set $izl (i32.load offset=120 (i32.const 0)))
    (local.set $isl (i32.load offset=128 (i32.const 0)))
    (local.set $sigU (i32.load offset=140 (i32.const 0)))
    (local.set $ru (i32.load offset=116 (i32.const 0)))
    (local.set $zu (i32.load offset=80 (i32.const 0)))
    (local.set $su (i32.load offset=72 (i32.const 0)))
    (local.set $izu (i32.load offset=124 (i32.const 0)))
    (local.set $isu (i32.load offset=132 (i32.const 0)))
    (local.set $rx (i32.load offset=108 (i32.const 0)))
    (local.set $dl (i32.load offset=148 (i32.const 0)))
    (local.set $du (i32.load offset=152 (i32.const 0)))
    (local.set $rv (i32.load offset=176 (i32.const 0)))
    (local.set $kp (i32.load offset=180 (i32.const 0)))
    (local.set $et (f64x2.splat (local.get $eta)))
    (local.set $sm (f64x2.splat (local.get $sigmaMu)))
    (local.set $wv (f64x2.splat (local.get $w)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d (v128.load (i32.add (local.get $dva) (local.get $i))))
        (local.set $sli (v128.load (i32.add (local.get $sl) (local.get $i))))
        (local.set $zli (v128.load (i32.add (local.get $zl) (local.get $i))))
        (local.set $sui (v128.load (i32.add (local.get $su) (local.get $i))))
        (local.set $zui (v128.load (i32.add (local.get $zu) (local.get $i))))
        (local.set $gl (v128.load (i32.add (local.get $sigL) (local.get $i))))
        (local.set $gu (v128.load (i32.add (local.get $sigU) (local.get $i))))
        (local.set $l (f64x2.mul (local.get $gl) (v128.load (i32.add (local.get $rl) (local.get $i)))))
        (local.set $u (f64x2.mul (local.get $gu) (v128.load (i32.add (local.get $ru) (local.get $i)))))
        ;; aA = l − Σl d − zl, sA = −sl (zl + aA)/zl
        (local.set $aA
          (f64x2.sub (f64x2.sub (local.get $l) (f64x2.mul (local.get $gl) (local.get $d)))
            (local.get $zli)))
        (local.set $sA
          (f64x2.mul
            (f64x2.mul (f64x2.neg (local.get $sli)) (f64x2.add (local.get $zli) (local.get $aA)))
            (v128.load (i32.add (local.get $izl) (local.get $i)))))
        ;; cA = Σu d + u − zu, tA = −su (zu + cA)/zu
        (local.set $cA
          (f64x2.sub (f64x2.add (f64x2.mul (local.get $gu) (local.get $d)) (local.get $u))
            (local.get $zui)))
        (local.set $tA
          (f64x2.mul
            (f64x2.mul (f64x2.neg (local.get $sui)) (f64x2.add (local.get $zui) (local.get $cA)))
            (v128.load (i32.add (local.get $izu) (local.get $i)))))
        ;; a = mlo (sl zl − σμ + w sA aA), c = mhi (su zu − σμ + w tA cA)
        (local.set $a
          (f64x2.mul (v128.load (i32.add (local.get $mlo) (local.get $i)))
            (f64x2.add
              (f64x2.sub (f64x2.mul (local.get $sli) (local.get $zli)) (local.get $sm))
              (f64x2.mul (f64x2.mul (local.get $wv) (local.get $sA)) (local.get $aA)))))
        (local.set $c
          (f64x2.mul (v128.load (i32.add (local.get $mhi) (local.get $i)))
            (f64x2.add
              (f64x2.sub (f64x2.mul (local.get $sui) (local.get $zui)) (local.get $sm))
              (f64x2.mul (f64x2.mul (local.get $wv) (local.get $tA)) (local.get $cA)))))
        (v128.store (i32.add (local.get $dl) (local.get $i)) (local.get $a))
        (v128.store (i32.add (local.get $du) (local.get $i)) (local.get $c))
        ;; r = η (l − u − rx) − a/sl + c/su
        (local.set $r
          (f64x2.add
            (f64x2.sub
              (f64x2.mul (local.get $et)
                (f64x2.sub (f64x2.sub (local.get $l) (local.get $u))
                  (v128.load (i32.add (local.get $rx) (local.get $i)))))
              (f64x2.mul (local.get $a) (v128.load (i32.add (local.get $isl) (local.get $i)))))
            (f64x2.mul (local.get $c) (v128.load (i32.add (local.get $isu) (local.get $i))))))
        (local.set $k (i32.shr_u (local.get $i) (i32.const 3)))
        (if (i32.lt_u (local.get $k) (local.get $n))
          (then
            (f64.store
              (i32.add (local.get $kp)
                (i32.shl (i32.load (i32.add (local.get $pinv) (i32.shl (local.get $k) (i32.const 2))))
                  (i32.const 3)))
              (f64x2.extract_lane 0 (local.get $r))))
          (else
            (f64.store (i32.add (local.get $rv) (local.get $i)) (f64x2.extract_lane 0 (local.get $r)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (if (i32.lt_u (local.get $k) (local.get $n))
          (then
            (f64.store
              (i32.add (local.get $kp)
                (i32.shl (i32.load (i32.add (local.get $pinv) (i32.shl (local.get $k) (i32.const 2))))
                  (i32.const 3)))
              (f64x2.extract_lane 1 (local.get $r))))
          (else
            (f64.store offset=8 (i32.add (local.get $rv) (local.get $i))
              (f64x2.extract_lane 1 (local.get $r)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next))))
;; ---------------------------------------------------------------------------------------
;; Scalar kernels of the LDLᵀ factorisation and solves (ldl.ts, ldl-solve.ts): loops through
;; index arrays, where a WebAssembly load (no bounds check) costs less than a typed-array one.
;; Each mirrors its TypeScript loop operation for operation, so results are bit for bit equal.
;; `tab` is the byte offset of the factor's table of array offsets (LdlFactor, 4 bytes each):
;;   0 Kp, 4 Ki, 8 Rp, 12 Rc, 16 SRslot, 20 Sp, 24 Si, 28 colGroup, 32 colPos, 36 gRp, 40 gCp,
;;   44 gW, 48 relStart, 52 relRows, 56 groupRows, 60 groupCols, 64 Sx, 68 y, 72 D, 76 Dinv,
;;   80 W, 84 T, 88 U, 92 scratchA, 96 W0, 100 T0, 104 scratch.

  ;; ldl.ts, factorSparse: rows k < ns of L by the up-looking algorithm; returns how many
  ;; pivots were replaced. Kx, diag (float64) and sign (int8) are byte offsets.
  (func $ldlSparse
    (param $tab i32) (param $Kx i32) (param $diag i32) (param $sign i32) (param $ns i32)
    (param $eps f64) (param $delta f64) (result i32)
    (local $Kp i32) (local $Ki i32) (local $Rp i32) (local $Rc i32) (local $SR i32)
    (local $Sp i32) (local $Si i32) (local $Sx i32) (local $y i32) (local $D i32)
    (local $Dinv i32) (local $k i32) (local $p i32) (local $end i32) (local $r i32)
    (local $rend i32) (local $c i32) (local $slot i32) (local $j i32) (local $at i32)
    (local $yc f64) (local $d f64) (local $lkc f64) (local $s f64) (local $replaced i32)
    (local.set $Kp (i32.load offset=0 (local.get $tab)))
    (local.set $Ki (i32.load offset=4 (local.get $tab)))
    (local.set $Rp (i32.load offset=8 (local.get $tab)))
    (local.set $Rc (i32.load offset=12 (local.get $tab)))
    (local.set $SR (i32.load offset=16 (local.get $tab)))
    (local.set $Sp (i32.load offset=20 (local.get $tab)))
    (local.set $Si (i32.load offset=24 (local.get $tab)))
    (local.set $Sx (i32.load offset=64 (local.get $tab)))
    (local.set $y (i32.load offset=68 (local.get $tab)))
    (local.set $D (i32.load offset=72 (local.get $tab)))
    (local.set $Dinv (i32.load offset=76 (local.get $tab)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $k) (local.get $ns)))
        ;; y[Ki[p]] = Kx[p] over column k of K
        (local.set $at (i32.add (local.get $Kp) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $p (i32.load (local.get $at)))
        (local.set $end (i32.load offset=4 (local.get $at)))
        (block $scattered
          (loop $scatter
            (br_if $scattered (i32.ge_u (local.get $p) (local.get $end)))
            (f64.store
              (i32.add (local.get $y)
                (i32.shl (i32.load (i32.add (local.get $Ki) (i32.shl (local.get $p) (i32.const 2))))
                  (i32.const 3)))
              (f64.load (i32.add (local.get $Kx) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $scatter)))
        (local.set $d (f64.load (i32.add (local.get $diag) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $at (i32.add (local.get $Rp) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $r (i32.load (local.get $at)))
        (local.set $rend (i32.load offset=4 (local.get $at)))
        (block $reached
          (loop $reach
            (br_if $reached (i32.ge_u (local.get $r) (local.get $rend)))
            (local.set $c (i32.load (i32.add (local.get $Rc) (i32.shl (local.get $r) (i32.const 2)))))
            (local.set $slot (i32.load (i32.add (local.get $SR) (i32.shl (local.get $r) (i32.const 2)))))
            (local.set $at (i32.add (local.get $y) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $yc (f64.load (local.get $at)))
            (f64.store (local.get $at) (f64.const 0))
            ;; y[Si[j]] −= Sx[j]·yc over the part of column c already computed
            (local.set $j (i32.load (i32.add (local.get $Sp) (i32.shl (local.get $c) (i32.const 2)))))
            (block $eliminated
              (loop $eliminate
                (br_if $eliminated (i32.ge_u (local.get $j) (local.get $slot)))
                (local.set $at
                  (i32.add (local.get $y)
                    (i32.shl (i32.load (i32.add (local.get $Si) (i32.shl (local.get $j) (i32.const 2))))
                      (i32.const 3))))
                (f64.store (local.get $at)
                  (f64.sub (f64.load (local.get $at))
                    (f64.mul (f64.load (i32.add (local.get $Sx) (i32.shl (local.get $j) (i32.const 3))))
                      (local.get $yc))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $eliminate)))
            (local.set $lkc
              (f64.mul (local.get $yc)
                (f64.load (i32.add (local.get $Dinv) (i32.shl (local.get $c) (i32.const 3))))))
            (f64.store (i32.add (local.get $Sx) (i32.shl (local.get $slot) (i32.const 3)))
              (local.get $lkc))
            (local.set $d (f64.sub (local.get $d) (f64.mul (local.get $yc) (local.get $lkc))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $reach)))
        (local.set $s
          (f64.convert_i32_s (i32.load8_s (i32.add (local.get $sign) (local.get $k)))))
        (if (i32.eqz (f64.gt (f64.mul (local.get $s) (local.get $d)) (local.get $eps)))
          (then
            (local.set $d (f64.mul (local.get $s) (local.get $delta)))
            (local.set $replaced (i32.add (local.get $replaced) (i32.const 1)))))
        (f64.store (i32.add (local.get $D) (i32.shl (local.get $k) (i32.const 3))) (local.get $d))
        (f64.store (i32.add (local.get $Dinv) (i32.shl (local.get $k) (i32.const 3)))
          (f64.div (f64.const 1) (local.get $d)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $row)))
    (local.get $replaced))

  ;; ldl.ts, tailPanels after its copy of K_TS: B[:, r] −= B[:, c]·L[r, c] for c < ns.
  (func $ldlPanels (param $tab i32) (param $ns i32)
    (local $Sp i32) (local $Si i32) (local $Sx i32) (local $colGroup i32) (local $colPos i32)
    (local $gRp i32) (local $gCp i32) (local $gW i32) (local $relStart i32) (local $relRows i32)
    (local $W i32) (local $c i32) (local $g i32) (local $baseC i32) (local $Gc i32)
    (local $pc i32) (local $p i32) (local $j i32) (local $jend i32) (local $r i32)
    (local $rel i32) (local $pr i32) (local $gr i32) (local $baseR i32) (local $Gr i32)
    (local $a i32) (local $off i32) (local $at i32) (local $f f64)
    (local.set $Sp (i32.load offset=20 (local.get $tab)))
    (local.set $Si (i32.load offset=24 (local.get $tab)))
    (local.set $Sx (i32.load offset=64 (local.get $tab)))
    (local.set $colGroup (i32.load offset=28 (local.get $tab)))
    (local.set $colPos (i32.load offset=32 (local.get $tab)))
    (local.set $gRp (i32.load offset=36 (local.get $tab)))
    (local.set $gCp (i32.load offset=40 (local.get $tab)))
    (local.set $gW (i32.load offset=44 (local.get $tab)))
    (local.set $relStart (i32.load offset=48 (local.get $tab)))
    (local.set $relRows (i32.load offset=52 (local.get $tab)))
    (local.set $W (i32.load offset=80 (local.get $tab)))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $c) (local.get $ns)))
        (local.set $g (i32.load (i32.add (local.get $colGroup) (i32.shl (local.get $c) (i32.const 2)))))
        (if (i32.ge_s (local.get $g) (i32.const 0))
          (then
            (local.set $at (i32.add (local.get $gW) (i32.shl (local.get $g) (i32.const 2))))
            (local.set $baseC (i32.load (local.get $at)))
            (local.set $at (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2))))
            (local.set $Gc (i32.sub (i32.load offset=4 (local.get $at)) (i32.load (local.get $at))))
            (local.set $pc (i32.load (i32.add (local.get $colPos) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $at (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2))))
            (local.set $p (i32.sub (i32.load offset=4 (local.get $at)) (i32.load (local.get $at))))
            (local.set $at (i32.add (local.get $Sp) (i32.shl (local.get $c) (i32.const 2))))
            (local.set $j (i32.load (local.get $at)))
            (local.set $jend (i32.load offset=4 (local.get $at)))
            (block $entries
              (loop $entry
                (br_if $entries (i32.ge_u (local.get $j) (local.get $jend)))
                (local.set $r (i32.load (i32.add (local.get $Si) (i32.shl (local.get $j) (i32.const 2)))))
                (local.set $f (f64.load (i32.add (local.get $Sx) (i32.shl (local.get $j) (i32.const 3)))))
                (local.set $rel (i32.load (i32.add (local.get $relStart) (i32.shl (local.get $j) (i32.const 2)))))
                (local.set $pr (i32.load (i32.add (local.get $colPos) (i32.shl (local.get $r) (i32.const 2)))))
                (local.set $a (i32.const 0))
                (if (i32.eq (local.get $rel) (i32.const -2))
                  (then
                    ;; same group: W[off + pr] −= W[off + pc]·f, off = baseC + a·Gc
                    (local.set $off (local.get $baseC))
                    (block $same
                      (loop $row
                        (br_if $same (i32.ge_s (local.get $a) (local.get $p)))
                        (local.set $at
                          (i32.add (local.get $W)
                            (i32.shl (i32.add (local.get $off) (local.get $pr)) (i32.const 3))))
                        (f64.store (local.get $at)
                          (f64.sub (f64.load (local.get $at))
                            (f64.mul
                              (f64.load (i32.add (local.get $W)
                                (i32.shl (i32.add (local.get $off) (local.get $pc)) (i32.const 3))))
                              (local.get $f))))
                        (local.set $a (i32.add (local.get $a) (i32.const 1)))
                        (local.set $off (i32.add (local.get $off) (local.get $Gc)))
                        (br $row))))
                  (else
                    (local.set $gr
                      (i32.load (i32.add (local.get $colGroup) (i32.shl (local.get $r) (i32.const 2)))))
                    (local.set $baseR (i32.load (i32.add (local.get $gW) (i32.shl (local.get $gr) (i32.const 2)))))
                    (local.set $at (i32.add (local.get $gCp) (i32.shl (local.get $gr) (i32.const 2))))
                    (local.set $Gr (i32.sub (i32.load offset=4 (local.get $at)) (i32.load (local.get $at))))
                    (block $other
                      (loop $row
                        (br_if $other (i32.ge_s (local.get $a) (local.get $p)))
                        ;; W[baseR + relRows[rel + a]·Gr + pr] −= W[baseC + a·Gc + pc]·f
                        (local.set $at
                          (i32.add (local.get $W)
                            (i32.shl
                              (i32.add
                                (i32.add (local.get $baseR)
                                  (i32.mul
                                    (i32.load (i32.add (local.get $relRows)
                                      (i32.shl (i32.add (local.get $rel) (local.get $a)) (i32.const 2))))
                                    (local.get $Gr)))
                                (local.get $pr))
                              (i32.const 3))))
                        (f64.store (local.get $at)
                          (f64.sub (f64.load (local.get $at))
                            (f64.mul
                              (f64.load (i32.add (local.get $W)
                                (i32.shl
                                  (i32.add (i32.add (local.get $baseC)
                                    (i32.mul (local.get $a) (local.get $Gc))) (local.get $pc))
                                  (i32.const 3))))
                              (local.get $f))))
                        (local.set $a (i32.add (local.get $a) (i32.const 1)))
                        (br $row)))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $entry)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $column))))

  ;; ldl-solve.ts, solveOne's first loop: x_S ← L_SS⁻¹ x_S (columns whose entry is 0 skipped).
  (func $lsolve (param $tab i32) (param $x i32) (param $ns i32)
    (local $Sp i32) (local $Si i32) (local $Sx i32) (local $c i32) (local $j i32)
    (local $end i32) (local $at i32) (local $xc f64)
    (local.set $Sp (i32.load offset=20 (local.get $tab)))
    (local.set $Si (i32.load offset=24 (local.get $tab)))
    (local.set $Sx (i32.load offset=64 (local.get $tab)))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $c) (local.get $ns)))
        (local.set $xc (f64.load (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3)))))
        (if (f64.ne (local.get $xc) (f64.const 0))
          (then
            (local.set $at (i32.add (local.get $Sp) (i32.shl (local.get $c) (i32.const 2))))
            (local.set $j (i32.load (local.get $at)))
            (local.set $end (i32.load offset=4 (local.get $at)))
            (block $entries
              (loop $entry
                (br_if $entries (i32.ge_u (local.get $j) (local.get $end)))
                (local.set $at
                  (i32.add (local.get $x)
                    (i32.shl (i32.load (i32.add (local.get $Si) (i32.shl (local.get $j) (i32.const 2))))
                      (i32.const 3))))
                (f64.store (local.get $at)
                  (f64.sub (f64.load (local.get $at))
                    (f64.mul (f64.load (i32.add (local.get $Sx) (i32.shl (local.get $j) (i32.const 3))))
                      (local.get $xc))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $entry)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $column))))

  ;; ldl-solve.ts, solveOne's last loop: x_S ← L_SS⁻ᵀ x_S, columns from the last.
  (func $ltsolve (param $tab i32) (param $x i32) (param $ns i32)
    (local $Sp i32) (local $Si i32) (local $Sx i32) (local $c i32) (local $j i32)
    (local $end i32) (local $at i32) (local $s f64)
    (local.set $Sp (i32.load offset=20 (local.get $tab)))
    (local.set $Si (i32.load offset=24 (local.get $tab)))
    (local.set $Sx (i32.load offset=64 (local.get $tab)))
    (local.set $c (local.get $ns))
    (block $done
      (loop $column
        (br_if $done (i32.le_s (local.get $c) (i32.const 0)))
        (local.set $c (i32.sub (local.get $c) (i32.const 1)))
        (local.set $s (f64.load (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $at (i32.add (local.get $Sp) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $j (i32.load (local.get $at)))
        (local.set $end (i32.load offset=4 (local.get $at)))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $s
              (f64.sub (local.get $s)
                (f64.mul (f64.load (i32.add (local.get $Sx) (i32.shl (local.get $j) (i32.const 3))))
                  (f64.load (i32.add (local.get $x)
                    (i32.shl (i32.load (i32.add (local.get $Si) (i32.shl (local.get $j) (i32.const 2))))
                      (i32.const 3)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $entry)))
        (f64.store (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3))) (local.get $s))
        (br $column))))

  ;; ldl-solve.ts, solveTwo's first loop: both right-hand sides through L_SS⁻¹ (no skip).
  (func (export "lsolve2") (param $tab i32) (param $x i32) (param $z i32) (param $ns i32)
    (local $Sp i32) (local $Si i32) (local $Sx i32) (local $c i32) (local $j i32)
    (local $end i32) (local $i i32) (local $at i32) (local $xc f64) (local $zc f64) (local $l f64)
    (local.set $Sp (i32.load offset=20 (local.get $tab)))
    (local.set $Si (i32.load offset=24 (local.get $tab)))
    (local.set $Sx (i32.load offset=64 (local.get $tab)))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $c) (local.get $ns)))
        (local.set $xc (f64.load (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $zc (f64.load (i32.add (local.get $z) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $at (i32.add (local.get $Sp) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $j (i32.load (local.get $at)))
        (local.set $end (i32.load offset=4 (local.get $at)))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $i
              (i32.shl (i32.load (i32.add (local.get $Si) (i32.shl (local.get $j) (i32.const 2))))
                (i32.const 3)))
            (local.set $l (f64.load (i32.add (local.get $Sx) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $at (i32.add (local.get $x) (local.get $i)))
            (f64.store (local.get $at)
              (f64.sub (f64.load (local.get $at)) (f64.mul (local.get $l) (local.get $xc))))
            (local.set $at (i32.add (local.get $z) (local.get $i)))
            (f64.store (local.get $at)
              (f64.sub (f64.load (local.get $at)) (f64.mul (local.get $l) (local.get $zc))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $entry)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $column))))

  ;; ldl-solve.ts, solveTwo's last loop: both through L_SS⁻ᵀ, columns from the last.
  (func (export "ltsolve2") (param $tab i32) (param $x i32) (param $z i32) (param $ns i32)
    (local $Sp i32) (local $Si i32) (local $Sx i32) (local $c i32) (local $j i32)
    (local $end i32) (local $i i32) (local $sx f64) (local $sz f64) (local $l f64)
    (local.set $Sp (i32.load offset=20 (local.get $tab)))
    (local.set $Si (i32.load offset=24 (local.get $tab)))
    (local.set $Sx (i32.load offset=64 (local.get $tab)))
    (local.set $c (local.get $ns))
    (block $done
      (loop $column
        (br_if $done (i32.le_s (local.get $c) (i32.const 0)))
        (local.set $c (i32.sub (local.get $c) (i32.const 1)))
        (local.set $sx (f64.load (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $sz (f64.load (i32.add (local.get $z) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $i (i32.add (local.get $Sp) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $j (i32.load (local.get $i)))
        (local.set $end (i32.load offset=4 (local.get $i)))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $i
              (i32.shl (i32.load (i32.add (local.get $Si) (i32.shl (local.get $j) (i32.const 2))))
                (i32.const 3)))
            (local.set $l (f64.load (i32.add (local.get $Sx) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $sx
              (f64.sub (local.get $sx)
                (f64.mul (local.get $l) (f64.load (i32.add (local.get $x) (local.get $i))))))
            (local.set $sz
              (f64.sub (local.get $sz)
                (f64.mul (local.get $l) (f64.load (i32.add (local.get $z) (local.get $i))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $entry)))
        (f64.store (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3))) (local.get $sx))
        (f64.store (i32.add (local.get $z) (i32.shl (local.get $c) (i32.const 3))) (local.get $sz))
        (br $column))))
;; ---------------------------------------------------------------------------------------
;; Sparse products of the residual pass (csc.ts, residuals.ts), scalar as their twins. The
;; matrix is column-compressed: colPtr (ncols + 1) and rowIdx int32, vals float64.

  ;; csc.ts, symUpperMul: y = S x for S symmetric given by its upper triangle.
  (func (export "symUpperMul")
    (param $colPtr i32) (param $rowIdx i32) (param $vals i32) (param $x i32) (param $y i32)
    (param $ncols i32)
    (local $j i32) (local $p i32) (local $end i32) (local $i i32) (local $at i32)
    (local $xj f64) (local $acc f64) (local $v f64)
    (memory.fill (local.get $y) (i32.const 0) (i32.shl (local.get $ncols) (i32.const 3)))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $j) (local.get $ncols)))
        (local.set $xj (f64.load (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $acc (f64.const 0))
        (local.set $at (i32.add (local.get $colPtr) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (i32.load (local.get $at)))
        (local.set $end (i32.load offset=4 (local.get $at)))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $i (i32.load (i32.add (local.get $rowIdx) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $v (f64.load (i32.add (local.get $vals) (i32.shl (local.get $p) (i32.const 3)))))
            (if (i32.eq (local.get $i) (local.get $j))
              (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $v) (local.get $xj)))))
              (else
                (local.set $acc
                  (f64.add (local.get $acc)
                    (f64.mul (local.get $v)
                      (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))))
                (local.set $at (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))))
                (f64.store (local.get $at)
                  (f64.add (f64.load (local.get $at)) (f64.mul (local.get $v) (local.get $xj))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $entry)))
        (local.set $at (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $acc)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $column))))

  ;; residuals.ts, bothProducts: ry += M v and rx += Mᵀ y in one pass over M.
  (func (export "cscBoth")
    (param $colPtr i32) (param $rowIdx i32) (param $vals i32) (param $v i32) (param $y i32)
    (param $rx i32) (param $ry i32) (param $ncols i32)
    (local $j i32) (local $p i32) (local $end i32) (local $r i32) (local $at i32)
    (local $vj f64) (local $s f64) (local $a f64)
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $j) (local.get $ncols)))
        (local.set $vj (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $s (f64.const 0))
        (local.set $at (i32.add (local.get $colPtr) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $p (i32.load (local.get $at)))
        (local.set $end (i32.load offset=4 (local.get $at)))
        (block $entries
          (loop $entry
            (br_if $entries (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $r
              (i32.shl (i32.load (i32.add (local.get $rowIdx) (i32.shl (local.get $p) (i32.const 2))))
                (i32.const 3)))
            (local.set $a (f64.load (i32.add (local.get $vals) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $at (i32.add (local.get $ry) (local.get $r)))
            (f64.store (local.get $at)
              (f64.add (f64.load (local.get $at)) (f64.mul (local.get $a) (local.get $vj))))
            (local.set $s
              (f64.add (local.get $s)
                (f64.mul (local.get $a) (f64.load (i32.add (local.get $y) (local.get $r))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $entry)))
        (local.set $at (i32.add (local.get $rx) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $s)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $column))))
;; ---------------------------------------------------------------------------------------
;; The panels' dense kernels (dense-kernels.ts), same operations in the same order. Where a
;; TypeScript loop keeps several accumulators (rows of a panel, pairs of a Schur block), two of
;; them share a v128, one per lane: each lane still adds its products in the loop's order.

  ;; dense-kernels.ts, dot: Σ a[i]·b[i] over i < len with four accumulators (byte offsets).
  (func $dot (param $a i32) (param $b i32) (param $len i32) (result f64)
    (local $i i32) (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $o i32)
    (block $quads
      (loop $quad
        (br_if $quads (i32.ge_s (i32.add (local.get $i) (i32.const 3)) (local.get $len)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (local.set $s0 (f64.add (local.get $s0)
          (f64.mul (f64.load (i32.add (local.get $a) (local.get $o)))
            (f64.load (i32.add (local.get $b) (local.get $o))))))
        (local.set $s1 (f64.add (local.get $s1)
          (f64.mul (f64.load offset=8 (i32.add (local.get $a) (local.get $o)))
            (f64.load offset=8 (i32.add (local.get $b) (local.get $o))))))
        (local.set $s2 (f64.add (local.get $s2)
          (f64.mul (f64.load offset=16 (i32.add (local.get $a) (local.get $o)))
            (f64.load offset=16 (i32.add (local.get $b) (local.get $o))))))
        (local.set $s3 (f64.add (local.get $s3)
          (f64.mul (f64.load offset=24 (i32.add (local.get $a) (local.get $o)))
            (f64.load offset=24 (i32.add (local.get $b) (local.get $o))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $quad)))
    (block $ones
      (loop $one
        (br_if $ones (i32.ge_s (local.get $i) (local.get $len)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (local.set $s0 (f64.add (local.get $s0)
          (f64.mul (f64.load (i32.add (local.get $a) (local.get $o)))
            (f64.load (i32.add (local.get $b) (local.get $o))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $one)))
    (f64.add (f64.add (f64.add (local.get $s0) (local.get $s1)) (local.get $s2)) (local.get $s3)))

  ;; x[k] −= v for the float64 at byte offset k.
  (func $subAt (param $k i32) (param $v f64)
    (f64.store (local.get $k) (f64.sub (f64.load (local.get $k)) (local.get $v))))

  ;; Byte offset of x[ns + groupRows[a]].
  (func $tailAt (param $x i32) (param $ns i32) (param $groupRows i32) (param $a i32) (result i32)
    (i32.add (local.get $x)
      (i32.shl
        (i32.add (local.get $ns)
          (i32.load (i32.add (local.get $groupRows) (i32.shl (local.get $a) (i32.const 2)))))
        (i32.const 3))))

  ;; dense-kernels.ts, panelForward: x_T −= B (D⁻¹ x_S), ng panels.
  (func $panelFwd (param $tab i32) (param $x i32) (param $ns i32) (param $ng i32)
    (local $gRp i32) (local $gCp i32) (local $gW i32) (local $groupRows i32) (local $groupCols i32)
    (local $W i32) (local $Dinv i32) (local $xs i32) (local $g i32) (local $c0 i32) (local $G i32)
    (local $i i32) (local $col i32) (local $aEnd i32) (local $a i32) (local $row i32)
    (local $G8 i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $o i32)
    (local $even i32) (local $v v128) (local $s01 v128) (local $s23 v128)
    (local $A v128) (local $B v128) (local $C v128) (local $D v128)
    (local.set $gRp (i32.load offset=36 (local.get $tab)))
    (local.set $gCp (i32.load offset=40 (local.get $tab)))
    (local.set $gW (i32.load offset=44 (local.get $tab)))
    (local.set $W (i32.load offset=80 (local.get $tab)))
    (local.set $groupRows (i32.load offset=56 (local.get $tab)))
    (local.set $groupCols (i32.load offset=60 (local.get $tab)))
    (local.set $Dinv (i32.load offset=76 (local.get $tab)))
    (local.set $xs (i32.load offset=92 (local.get $tab)))
    (block $done
      (loop $panel
        (br_if $done (i32.ge_s (local.get $g) (local.get $ng)))
        (local.set $c0 (i32.load (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $G
          (i32.sub (i32.load offset=4 (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2))))
            (local.get $c0)))
        (local.set $G8 (i32.shl (local.get $G) (i32.const 3)))
        (local.set $even (i32.and (local.get $G8) (i32.const -16)))
        ;; xs[i] = x[col]·D⁻¹[col]
        (local.set $i (i32.const 0))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_s (local.get $i) (local.get $G)))
            (local.set $col
              (i32.shl
                (i32.load (i32.add (local.get $groupCols)
                  (i32.shl (i32.add (local.get $c0) (local.get $i)) (i32.const 2))))
                (i32.const 3)))
            (f64.store (i32.add (local.get $xs) (i32.shl (local.get $i) (i32.const 3)))
              (f64.mul (f64.load (i32.add (local.get $x) (local.get $col)))
                (f64.load (i32.add (local.get $Dinv) (local.get $col)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $gather)))
        (local.set $a (i32.load (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $aEnd
          (i32.load offset=4 (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $row (i32.load (i32.add (local.get $gW) (i32.shl (local.get $g) (i32.const 2)))))
        ;; four rows at a time: (s0, s1) and (s2, s3) in two pairs of lanes
        (block $quads
          (loop $quad
            (br_if $quads (i32.ge_s (i32.add (local.get $a) (i32.const 3)) (local.get $aEnd)))
            (local.set $r0 (i32.add (local.get $W) (i32.shl (local.get $row) (i32.const 3))))
            (local.set $r1 (i32.add (local.get $r0) (local.get $G8)))
            (local.set $r2 (i32.add (local.get $r1) (local.get $G8)))
            (local.set $r3 (i32.add (local.get $r2) (local.get $G8)))
            (local.set $s01 (v128.const i64x2 0 0))
            (local.set $s23 (v128.const i64x2 0 0))
            ;; entries i and i + 1 a step: lanes (row k, row k + 1) by shuffling two loads
            (local.set $o (i32.const 0))
            (block $summed
              (loop $sum
                (br_if $summed (i32.ge_s (local.get $o) (local.get $even)))
                (local.set $A (v128.load (i32.add (local.get $r0) (local.get $o))))
                (local.set $B (v128.load (i32.add (local.get $r1) (local.get $o))))
                (local.set $C (v128.load (i32.add (local.get $r2) (local.get $o))))
                (local.set $D (v128.load (i32.add (local.get $r3) (local.get $o))))
                (local.set $v (f64x2.splat (f64.load (i32.add (local.get $xs) (local.get $o)))))
                (local.set $s01 (f64x2.add (local.get $s01)
                  (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $A) (local.get $B)) (local.get $v))))
                (local.set $s23 (f64x2.add (local.get $s23)
                  (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $C) (local.get $D)) (local.get $v))))
                (local.set $v (f64x2.splat (f64.load offset=8 (i32.add (local.get $xs) (local.get $o)))))
                (local.set $s01 (f64x2.add (local.get $s01)
                  (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $A) (local.get $B)) (local.get $v))))
                (local.set $s23 (f64x2.add (local.get $s23)
                  (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $C) (local.get $D)) (local.get $v))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $sum)))
            (if (i32.lt_s (local.get $o) (local.get $G8))
              (then
                (local.set $v (f64x2.splat (f64.load (i32.add (local.get $xs) (local.get $o)))))
                (local.set $s01 (f64x2.add (local.get $s01)
                  (f64x2.mul
                    (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $r0) (local.get $o))))
                      (f64.load (i32.add (local.get $r1) (local.get $o))))
                    (local.get $v))))
                (local.set $s23 (f64x2.add (local.get $s23)
                  (f64x2.mul
                    (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $r2) (local.get $o))))
                      (f64.load (i32.add (local.get $r3) (local.get $o))))
                    (local.get $v))))))
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows) (local.get $a))
              (f64x2.extract_lane 0 (local.get $s01)))
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
                (i32.add (local.get $a) (i32.const 1)))
              (f64x2.extract_lane 1 (local.get $s01)))
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
                (i32.add (local.get $a) (i32.const 2)))
              (f64x2.extract_lane 0 (local.get $s23)))
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
                (i32.add (local.get $a) (i32.const 3)))
              (f64x2.extract_lane 1 (local.get $s23)))
            (local.set $a (i32.add (local.get $a) (i32.const 4)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $G) (i32.const 2))))
            (br $quad)))
        (if (i32.lt_s (i32.add (local.get $a) (i32.const 1)) (local.get $aEnd))
          (then
            (local.set $r0 (i32.add (local.get $W) (i32.shl (local.get $row) (i32.const 3))))
            (local.set $r1 (i32.add (local.get $r0) (local.get $G8)))
            (local.set $s01 (v128.const i64x2 0 0))
            (local.set $o (i32.const 0))
            (block $summed
              (loop $sum
                (br_if $summed (i32.ge_s (local.get $o) (local.get $G8)))
                (local.set $s01 (f64x2.add (local.get $s01)
                  (f64x2.mul
                    (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $r0) (local.get $o))))
                      (f64.load (i32.add (local.get $r1) (local.get $o))))
                    (f64x2.splat (f64.load (i32.add (local.get $xs) (local.get $o)))))))
                (local.set $o (i32.add (local.get $o) (i32.const 8)))
                (br $sum)))
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows) (local.get $a))
              (f64x2.extract_lane 0 (local.get $s01)))
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
                (i32.add (local.get $a) (i32.const 1)))
              (f64x2.extract_lane 1 (local.get $s01)))
            (local.set $a (i32.add (local.get $a) (i32.const 2)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $G) (i32.const 1))))))
        (if (i32.lt_s (local.get $a) (local.get $aEnd))
          (then
            (call $subAt (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows) (local.get $a))
              (call $dot (i32.add (local.get $W) (i32.shl (local.get $row) (i32.const 3)))
                (local.get $xs) (local.get $G)))))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $panel))))

  ;; dense-kernels.ts, panelBackward: x_S −= D⁻¹(Bᵀ x_T), the accumulator two entries a step.
  (func $panelBwd (param $tab i32) (param $x i32) (param $ns i32) (param $ng i32)
    (local $gRp i32) (local $gCp i32) (local $gW i32) (local $groupRows i32) (local $groupCols i32)
    (local $W i32) (local $Dinv i32) (local $acc i32) (local $g i32) (local $c0 i32) (local $G i32)
    (local $i i32) (local $col i32) (local $aEnd i32) (local $a i32) (local $row i32)
    (local $G8 i32) (local $even i32) (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $o i32) (local $v0 f64) (local $v1 f64) (local $v2 f64) (local $v3 f64)
    (local $V0 v128) (local $V1 v128) (local $V2 v128) (local $V3 v128)
    (local.set $gRp (i32.load offset=36 (local.get $tab)))
    (local.set $gCp (i32.load offset=40 (local.get $tab)))
    (local.set $gW (i32.load offset=44 (local.get $tab)))
    (local.set $W (i32.load offset=80 (local.get $tab)))
    (local.set $groupRows (i32.load offset=56 (local.get $tab)))
    (local.set $groupCols (i32.load offset=60 (local.get $tab)))
    (local.set $Dinv (i32.load offset=76 (local.get $tab)))
    (local.set $acc (i32.load offset=92 (local.get $tab)))
    (block $done
      (loop $panel
        (br_if $done (i32.ge_s (local.get $g) (local.get $ng)))
        (local.set $c0 (i32.load (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $G
          (i32.sub (i32.load offset=4 (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2))))
            (local.get $c0)))
        (local.set $G8 (i32.shl (local.get $G) (i32.const 3)))
        (local.set $even (i32.and (local.get $G8) (i32.const -16)))
        ;; acc = 0 (a loop: memory.fill's call costs more than a panel of a few entries)
        (local.set $o (i32.const 0))
        (block $zeroed
          (loop $zero
            (br_if $zeroed (i32.ge_s (local.get $o) (local.get $G8)))
            (f64.store (i32.add (local.get $acc) (local.get $o)) (f64.const 0))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $zero)))
        (local.set $a (i32.load (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $aEnd
          (i32.load offset=4 (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $row (i32.load (i32.add (local.get $gW) (i32.shl (local.get $g) (i32.const 2)))))
        ;; acc[i] += w0·v0 + w1·v1 + w2·v2 + w3·v3, added in that order
        (block $quads
          (loop $quad
            (br_if $quads (i32.ge_s (i32.add (local.get $a) (i32.const 3)) (local.get $aEnd)))
            (local.set $v0 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows) (local.get $a))))
            (local.set $v1 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
              (i32.add (local.get $a) (i32.const 1)))))
            (local.set $v2 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
              (i32.add (local.get $a) (i32.const 2)))))
            (local.set $v3 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
              (i32.add (local.get $a) (i32.const 3)))))
            (local.set $V0 (f64x2.splat (local.get $v0)))
            (local.set $V1 (f64x2.splat (local.get $v1)))
            (local.set $V2 (f64x2.splat (local.get $v2)))
            (local.set $V3 (f64x2.splat (local.get $v3)))
            (local.set $r0 (i32.add (local.get $W) (i32.shl (local.get $row) (i32.const 3))))
            (local.set $r1 (i32.add (local.get $r0) (local.get $G8)))
            (local.set $r2 (i32.add (local.get $r1) (local.get $G8)))
            (local.set $r3 (i32.add (local.get $r2) (local.get $G8)))
            (local.set $o (i32.const 0))
            (block $pairs
              (loop $pair
                (br_if $pairs (i32.ge_s (local.get $o) (local.get $even)))
                (v128.store (i32.add (local.get $acc) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $acc) (local.get $o)))
                    (f64x2.add
                      (f64x2.add
                        (f64x2.add
                          (f64x2.mul (v128.load (i32.add (local.get $r0) (local.get $o))) (local.get $V0))
                          (f64x2.mul (v128.load (i32.add (local.get $r1) (local.get $o))) (local.get $V1)))
                        (f64x2.mul (v128.load (i32.add (local.get $r2) (local.get $o))) (local.get $V2)))
                      (f64x2.mul (v128.load (i32.add (local.get $r3) (local.get $o))) (local.get $V3)))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_s (local.get $o) (local.get $G8))
              (then
                (f64.store (i32.add (local.get $acc) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $acc) (local.get $o)))
                    (f64.add
                      (f64.add
                        (f64.add
                          (f64.mul (f64.load (i32.add (local.get $r0) (local.get $o))) (local.get $v0))
                          (f64.mul (f64.load (i32.add (local.get $r1) (local.get $o))) (local.get $v1)))
                        (f64.mul (f64.load (i32.add (local.get $r2) (local.get $o))) (local.get $v2)))
                      (f64.mul (f64.load (i32.add (local.get $r3) (local.get $o))) (local.get $v3)))))))
            (local.set $a (i32.add (local.get $a) (i32.const 4)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $G) (i32.const 2))))
            (br $quad)))
        (if (i32.lt_s (i32.add (local.get $a) (i32.const 1)) (local.get $aEnd))
          (then
            (local.set $v0 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows) (local.get $a))))
            (local.set $v1 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows)
              (i32.add (local.get $a) (i32.const 1)))))
            (local.set $V0 (f64x2.splat (local.get $v0)))
            (local.set $V1 (f64x2.splat (local.get $v1)))
            (local.set $r0 (i32.add (local.get $W) (i32.shl (local.get $row) (i32.const 3))))
            (local.set $r1 (i32.add (local.get $r0) (local.get $G8)))
            (local.set $o (i32.const 0))
            (block $pairs
              (loop $pair
                (br_if $pairs (i32.ge_s (local.get $o) (local.get $even)))
                (v128.store (i32.add (local.get $acc) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $acc) (local.get $o)))
                    (f64x2.add
                      (f64x2.mul (v128.load (i32.add (local.get $r0) (local.get $o))) (local.get $V0))
                      (f64x2.mul (v128.load (i32.add (local.get $r1) (local.get $o))) (local.get $V1)))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_s (local.get $o) (local.get $G8))
              (then
                (f64.store (i32.add (local.get $acc) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $acc) (local.get $o)))
                    (f64.add
                      (f64.mul (f64.load (i32.add (local.get $r0) (local.get $o))) (local.get $v0))
                      (f64.mul (f64.load (i32.add (local.get $r1) (local.get $o))) (local.get $v1)))))))
            (local.set $a (i32.add (local.get $a) (i32.const 2)))
            (local.set $row (i32.add (local.get $row) (i32.shl (local.get $G) (i32.const 1))))))
        (if (i32.lt_s (local.get $a) (local.get $aEnd))
          (then
            (local.set $v0 (f64.load (call $tailAt (local.get $x) (local.get $ns) (local.get $groupRows) (local.get $a))))
            (local.set $V0 (f64x2.splat (local.get $v0)))
            (local.set $r0 (i32.add (local.get $W) (i32.shl (local.get $row) (i32.const 3))))
            (local.set $o (i32.const 0))
            (block $pairs
              (loop $pair
                (br_if $pairs (i32.ge_s (local.get $o) (local.get $even)))
                (v128.store (i32.add (local.get $acc) (local.get $o))
                  (f64x2.add (v128.load (i32.add (local.get $acc) (local.get $o)))
                    (f64x2.mul (v128.load (i32.add (local.get $r0) (local.get $o))) (local.get $V0))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_s (local.get $o) (local.get $G8))
              (then
                (f64.store (i32.add (local.get $acc) (local.get $o))
                  (f64.add (f64.load (i32.add (local.get $acc) (local.get $o)))
                    (f64.mul (f64.load (i32.add (local.get $r0) (local.get $o))) (local.get $v0))))))))
        ;; x[col] −= acc[i]·D⁻¹[col]
        (local.set $i (i32.const 0))
        (block $scattered
          (loop $scatter
            (br_if $scattered (i32.ge_s (local.get $i) (local.get $G)))
            (local.set $col
              (i32.shl
                (i32.load (i32.add (local.get $groupCols)
                  (i32.shl (i32.add (local.get $c0) (local.get $i)) (i32.const 2))))
                (i32.const 3)))
            (f64.store (i32.add (local.get $x) (local.get $col))
              (f64.sub (f64.load (i32.add (local.get $x) (local.get $col)))
                (f64.mul (f64.load (i32.add (local.get $acc) (i32.shl (local.get $i) (i32.const 3))))
                  (f64.load (i32.add (local.get $Dinv) (local.get $col))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $scatter)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $panel))))

  ;; dense-kernels.ts, panelSchur: T −= U Bᵀ panel by panel, U = B D⁻¹ (t × t tail, row-major).
  (func $panelSchur (param $tab i32) (param $ng i32) (param $t i32)
    (local $gRp i32) (local $gCp i32) (local $gW i32) (local $groupRows i32) (local $groupCols i32)
    (local $W i32) (local $Dinv i32) (local $T i32) (local $U i32) (local $d i32) (local $g i32)
    (local $r0 i32) (local $p i32) (local $c0 i32) (local $G i32) (local $base i32) (local $i i32)
    (local $a i32) (local $off i32) (local $G8 i32) (local $even i32) (local $o i32) (local $w i32)
    (local $u i32)
    (local.set $gRp (i32.load offset=36 (local.get $tab)))
    (local.set $gCp (i32.load offset=40 (local.get $tab)))
    (local.set $gW (i32.load offset=44 (local.get $tab)))
    (local.set $W (i32.load offset=80 (local.get $tab)))
    (local.set $groupRows (i32.load offset=56 (local.get $tab)))
    (local.set $groupCols (i32.load offset=60 (local.get $tab)))
    (local.set $Dinv (i32.load offset=76 (local.get $tab)))
    (local.set $T (i32.load offset=84 (local.get $tab)))
    (local.set $U (i32.load offset=88 (local.get $tab)))
    (local.set $d (i32.load offset=92 (local.get $tab)))
    (block $done
      (loop $panel
        (br_if $done (i32.ge_s (local.get $g) (local.get $ng)))
        (local.set $r0 (i32.load (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $p
          (i32.sub (i32.load offset=4 (i32.add (local.get $gRp) (i32.shl (local.get $g) (i32.const 2))))
            (local.get $r0)))
        (local.set $c0 (i32.load (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $G
          (i32.sub (i32.load offset=4 (i32.add (local.get $gCp) (i32.shl (local.get $g) (i32.const 2))))
            (local.get $c0)))
        (local.set $G8 (i32.shl (local.get $G) (i32.const 3)))
        (local.set $even (i32.and (local.get $G8) (i32.const -16)))
        (local.set $base (i32.load (i32.add (local.get $gW) (i32.shl (local.get $g) (i32.const 2)))))
        ;; d[i] = D⁻¹[groupCols[c0 + i]]
        (local.set $i (i32.const 0))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_s (local.get $i) (local.get $G)))
            (f64.store (i32.add (local.get $d) (i32.shl (local.get $i) (i32.const 3)))
              (f64.load (i32.add (local.get $Dinv)
                (i32.shl
                  (i32.load (i32.add (local.get $groupCols)
                    (i32.shl (i32.add (local.get $c0) (local.get $i)) (i32.const 2))))
                  (i32.const 3)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $gather)))
        ;; U[a, i] = B[a, i]·d[i], two entries a step
        (local.set $a (i32.const 0))
        (local.set $off (i32.const 0))
        (block $scaled
          (loop $scale
            (br_if $scaled (i32.ge_s (local.get $a) (local.get $p)))
            (local.set $w (i32.add (local.get $W)
              (i32.shl (i32.add (local.get $base) (local.get $off)) (i32.const 3))))
            (local.set $u (i32.add (local.get $U) (i32.shl (local.get $off) (i32.const 3))))
            (local.set $o (i32.const 0))
            (block $pairs
              (loop $pair
                (br_if $pairs (i32.ge_s (local.get $o) (local.get $even)))
                (v128.store (i32.add (local.get $u) (local.get $o))
                  (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $o)))
                    (v128.load (i32.add (local.get $d) (local.get $o)))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_s (local.get $o) (local.get $G8))
              (then
                (f64.store (i32.add (local.get $u) (local.get $o))
                  (f64.mul (f64.load (i32.add (local.get $w) (local.get $o)))
                    (f64.load (i32.add (local.get $d) (local.get $o)))))))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (local.set $off (i32.add (local.get $off) (local.get $G)))
            (br $scale)))
        (local.set $a (i32.const 0))
        (block $quads
          (loop $quad
            (br_if $quads (i32.ge_s (i32.add (local.get $a) (i32.const 3)) (local.get $p)))
            (call $schurRows4 (local.get $U) (local.get $W) (local.get $T) (local.get $groupRows)
              (local.get $r0) (local.get $base) (local.get $G) (local.get $t) (local.get $a))
            (local.set $a (i32.add (local.get $a) (i32.const 4)))
            (br $quad)))
        (block $ones
          (loop $one
            (br_if $ones (i32.ge_s (local.get $a) (local.get $p)))
            (call $schurRow1 (local.get $U) (local.get $W) (local.get $T) (local.get $groupRows)
              (local.get $r0) (local.get $base) (local.get $G) (local.get $t) (local.get $a) (local.get $p))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (br $one)))
        (local.set $g (i32.add (local.get $g) (i32.const 1)))
        (br $panel))))

  ;; Byte offset of T[ta + groupRows[r0 + b]].
  (func $tAt (param $T i32) (param $ta i32) (param $groupRows i32) (param $rb i32) (result i32)
    (i32.add (local.get $T)
      (i32.shl
        (i32.add (local.get $ta)
          (i32.load (i32.add (local.get $groupRows) (i32.shl (local.get $rb) (i32.const 2)))))
        (i32.const 3))))

  ;; dense-kernels.ts, schurRows4: rows a..a+3 of U against rows 0..a+3 of B, two at a time;
  ;; the pair (s_k0, s_k1) of row a+k shares a v128 (byte offsets U, W, T, groupRows).
  (func $schurRows4
    (param $U i32) (param $W i32) (param $T i32) (param $groupRows i32) (param $r0 i32)
    (param $base i32) (param $G i32) (param $t i32) (param $a i32)
    (local $u0 i32) (local $u1 i32) (local $u2 i32) (local $u3 i32)
    (local $ta0 i32) (local $ta1 i32) (local $ta2 i32) (local $ta3 i32)
    (local $bEnd i32) (local $b i32) (local $w0 i32) (local $w1 i32) (local $o i32) (local $G8 i32)
    (local $X v128) (local $S0 v128) (local $S1 v128) (local $S2 v128) (local $S3 v128)
    (local $rb i32) (local $even i32) (local $A v128) (local $B v128)
    (local.set $G8 (i32.shl (local.get $G) (i32.const 3)))
    (local.set $even (i32.and (local.get $G8) (i32.const -16)))
    (local.set $u0 (i32.add (local.get $U) (i32.mul (local.get $a) (local.get $G8))))
    (local.set $u1 (i32.add (local.get $u0) (local.get $G8)))
    (local.set $u2 (i32.add (local.get $u1) (local.get $G8)))
    (local.set $u3 (i32.add (local.get $u2) (local.get $G8)))
    (local.set $rb (i32.add (local.get $r0) (local.get $a)))
    (local.set $ta0 (i32.mul (i32.load (i32.add (local.get $groupRows) (i32.shl (local.get $rb) (i32.const 2)))) (local.get $t)))
    (local.set $ta1 (i32.mul (i32.load offset=4 (i32.add (local.get $groupRows) (i32.shl (local.get $rb) (i32.const 2)))) (local.get $t)))
    (local.set $ta2 (i32.mul (i32.load offset=8 (i32.add (local.get $groupRows) (i32.shl (local.get $rb) (i32.const 2)))) (local.get $t)))
    (local.set $ta3 (i32.mul (i32.load offset=12 (i32.add (local.get $groupRows) (i32.shl (local.get $rb) (i32.const 2)))) (local.get $t)))
    (local.set $bEnd (i32.add (local.get $a) (i32.const 4)))
    (block $pairs
      (loop $pair
        (br_if $pairs (i32.ge_s (i32.add (local.get $b) (i32.const 1)) (local.get $bEnd)))
        (local.set $w0 (i32.add (local.get $W)
          (i32.shl (i32.add (local.get $base) (i32.mul (local.get $b) (local.get $G))) (i32.const 3))))
        (local.set $w1 (i32.add (local.get $w0) (local.get $G8)))
        (local.set $S0 (v128.const i64x2 0 0))
        (local.set $S1 (v128.const i64x2 0 0))
        (local.set $S2 (v128.const i64x2 0 0))
        (local.set $S3 (v128.const i64x2 0 0))
        ;; entries i and i + 1 a step: lanes (B row b, B row b + 1) by shuffling two loads
        (local.set $o (i32.const 0))
        (block $summed
          (loop $sum
            (br_if $summed (i32.ge_s (local.get $o) (local.get $even)))
            (local.set $A (v128.load (i32.add (local.get $w0) (local.get $o))))
            (local.set $B (v128.load (i32.add (local.get $w1) (local.get $o))))
            (local.set $X (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $A) (local.get $B)))
            (local.set $S0 (f64x2.add (local.get $S0)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u0) (local.get $o)))) (local.get $X))))
            (local.set $S1 (f64x2.add (local.get $S1)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u1) (local.get $o)))) (local.get $X))))
            (local.set $S2 (f64x2.add (local.get $S2)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u2) (local.get $o)))) (local.get $X))))
            (local.set $S3 (f64x2.add (local.get $S3)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u3) (local.get $o)))) (local.get $X))))
            (local.set $X (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $A) (local.get $B)))
            (local.set $S0 (f64x2.add (local.get $S0)
              (f64x2.mul (f64x2.splat (f64.load offset=8 (i32.add (local.get $u0) (local.get $o)))) (local.get $X))))
            (local.set $S1 (f64x2.add (local.get $S1)
              (f64x2.mul (f64x2.splat (f64.load offset=8 (i32.add (local.get $u1) (local.get $o)))) (local.get $X))))
            (local.set $S2 (f64x2.add (local.get $S2)
              (f64x2.mul (f64x2.splat (f64.load offset=8 (i32.add (local.get $u2) (local.get $o)))) (local.get $X))))
            (local.set $S3 (f64x2.add (local.get $S3)
              (f64x2.mul (f64x2.splat (f64.load offset=8 (i32.add (local.get $u3) (local.get $o)))) (local.get $X))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (br $sum)))
        (if (i32.lt_s (local.get $o) (local.get $G8))
          (then
            (local.set $X
              (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $w0) (local.get $o))))
                (f64.load (i32.add (local.get $w1) (local.get $o)))))
            (local.set $S0 (f64x2.add (local.get $S0)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u0) (local.get $o)))) (local.get $X))))
            (local.set $S1 (f64x2.add (local.get $S1)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u1) (local.get $o)))) (local.get $X))))
            (local.set $S2 (f64x2.add (local.get $S2)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u2) (local.get $o)))) (local.get $X))))
            (local.set $S3 (f64x2.add (local.get $S3)
              (f64x2.mul (f64x2.splat (f64.load (i32.add (local.get $u3) (local.get $o)))) (local.get $X))))))
        (local.set $rb (i32.add (local.get $r0) (local.get $b)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta0) (local.get $groupRows) (local.get $rb)) (f64x2.extract_lane 0 (local.get $S0)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta0) (local.get $groupRows) (i32.add (local.get $rb) (i32.const 1))) (f64x2.extract_lane 1 (local.get $S0)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta1) (local.get $groupRows) (local.get $rb)) (f64x2.extract_lane 0 (local.get $S1)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta1) (local.get $groupRows) (i32.add (local.get $rb) (i32.const 1))) (f64x2.extract_lane 1 (local.get $S1)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta2) (local.get $groupRows) (local.get $rb)) (f64x2.extract_lane 0 (local.get $S2)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta2) (local.get $groupRows) (i32.add (local.get $rb) (i32.const 1))) (f64x2.extract_lane 1 (local.get $S2)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta3) (local.get $groupRows) (local.get $rb)) (f64x2.extract_lane 0 (local.get $S3)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta3) (local.get $groupRows) (i32.add (local.get $rb) (i32.const 1))) (f64x2.extract_lane 1 (local.get $S3)))
        (local.set $b (i32.add (local.get $b) (i32.const 2)))
        (br $pair))))

  (func $schurRow1
    (param $U i32) (param $W i32) (param $T i32) (param $groupRows i32) (param $r0 i32)
    (param $base i32) (param $G i32) (param $t i32) (param $a i32) (param $p i32)
    (local $u0 i32) (local $ta0 i32) (local $bEnd i32) (local $b i32) (local $w0 i32) (local $w1 i32)
    (local $i i32) (local $o i32) (local $G8 i32) (local $y0 f64) (local $y1 f64)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $rb i32)
    (local.set $G8 (i32.shl (local.get $G) (i32.const 3)))
    (local.set $u0 (i32.add (local.get $U) (i32.mul (local.get $a) (local.get $G8))))
    (local.set $ta0 (i32.mul
      (i32.load (i32.add (local.get $groupRows) (i32.shl (i32.add (local.get $r0) (local.get $a)) (i32.const 2))))
      (local.get $t)))
    (local.set $bEnd (select (i32.add (local.get $a) (i32.const 1)) (local.get $p)
      (i32.lt_s (i32.add (local.get $a) (i32.const 1)) (local.get $p))))
    (block $pairs
      (loop $pair
        (br_if $pairs (i32.ge_s (i32.add (local.get $b) (i32.const 1)) (local.get $bEnd)))
        (local.set $w0 (i32.add (local.get $W)
          (i32.shl (i32.add (local.get $base) (i32.mul (local.get $b) (local.get $G))) (i32.const 3))))
        (local.set $w1 (i32.add (local.get $w0) (local.get $G8)))
        (local.set $s0 (f64.const 0))
        (local.set $s1 (f64.const 0))
        (local.set $s2 (f64.const 0))
        (local.set $s3 (f64.const 0))
        (local.set $i (i32.const 0))
        (block $summed
          (loop $sum
            (br_if $summed (i32.ge_s (i32.add (local.get $i) (i32.const 1)) (local.get $G)))
            (local.set $o (i32.shl (local.get $i) (i32.const 3)))
            (local.set $y0 (f64.load (i32.add (local.get $u0) (local.get $o))))
            (local.set $y1 (f64.load offset=8 (i32.add (local.get $u0) (local.get $o))))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $y0) (f64.load (i32.add (local.get $w0) (local.get $o))))))
            (local.set $s1 (f64.add (local.get $s1) (f64.mul (local.get $y0) (f64.load (i32.add (local.get $w1) (local.get $o))))))
            (local.set $s2 (f64.add (local.get $s2) (f64.mul (local.get $y1) (f64.load offset=8 (i32.add (local.get $w0) (local.get $o))))))
            (local.set $s3 (f64.add (local.get $s3) (f64.mul (local.get $y1) (f64.load offset=8 (i32.add (local.get $w1) (local.get $o))))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $sum)))
        (if (i32.lt_s (local.get $i) (local.get $G))
          (then
            (local.set $o (i32.shl (local.get $i) (i32.const 3)))
            (local.set $s0 (f64.add (local.get $s0)
              (f64.mul (f64.load (i32.add (local.get $u0) (local.get $o))) (f64.load (i32.add (local.get $w0) (local.get $o))))))
            (local.set $s1 (f64.add (local.get $s1)
              (f64.mul (f64.load (i32.add (local.get $u0) (local.get $o))) (f64.load (i32.add (local.get $w1) (local.get $o))))))))
        (local.set $rb (i32.add (local.get $r0) (local.get $b)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta0) (local.get $groupRows) (local.get $rb))
          (f64.add (local.get $s0) (local.get $s2)))
        (call $subAt (call $tAt (local.get $T) (local.get $ta0) (local.get $groupRows) (i32.add (local.get $rb) (i32.const 1)))
          (f64.add (local.get $s1) (local.get $s3)))
        (local.set $b (i32.add (local.get $b) (i32.const 2)))
        (br $pair)))
    (if (i32.lt_s (local.get $b) (local.get $bEnd))
      (then
        (call $subAt
          (call $tAt (local.get $T) (local.get $ta0) (local.get $groupRows) (i32.add (local.get $r0) (local.get $b)))
          (call $dot (local.get $u0)
            (i32.add (local.get $W)
              (i32.shl (i32.add (local.get $base) (i32.mul (local.get $b) (local.get $G))) (i32.const 3)))
            (local.get $G))))))

  ;; dense-kernels.ts, denseLdl: LDLᵀ of the t × t tail T (row-major, lower triangle) in place,
  ;; pivots to D and Dinv at entry `off`; u (t entries) is scratch. Returns the pivots replaced.
  ;; Rows below the pivot four at a time, (s0, s1) and (s2, s3) a v128 each.
  (func $denseLdl
    (param $T i32) (param $t i32) (param $D i32) (param $Dinv i32) (param $off i32)
    (param $sign i32) (param $eps f64) (param $delta f64) (param $u i32) (result i32)
    (local $j i32) (local $m i32) (local $rowJ i32) (local $d f64) (local $lm f64) (local $um f64)
    (local $s f64) (local $dinv f64) (local $i i32) (local $r0 i32) (local $r1 i32) (local $r2 i32)
    (local $r3 i32) (local $o i32) (local $j8 i32) (local $even i32) (local $t8 i32)
    (local $replaced i32) (local $S01 v128) (local $S23 v128) (local $A v128) (local $B v128)
    (local $C v128) (local $E v128) (local $V v128) (local $at i32)
    (local.set $t8 (i32.shl (local.get $t) (i32.const 3)))
    (block $done
      (loop $pivot
        (br_if $done (i32.ge_s (local.get $j) (local.get $t)))
        (local.set $j8 (i32.shl (local.get $j) (i32.const 3)))
        (local.set $even (i32.and (local.get $j8) (i32.const -16)))
        (local.set $rowJ (i32.add (local.get $T) (i32.mul (local.get $j) (local.get $t8))))
        (local.set $d (f64.load (i32.add (local.get $rowJ) (local.get $j8))))
        ;; u[m] = L[j, m]·D[m]; d −= L[j, m]·u[m]
        (local.set $o (i32.const 0))
        (block $scaled
          (loop $scale
            (br_if $scaled (i32.ge_s (local.get $o) (local.get $j8)))
            (local.set $lm (f64.load (i32.add (local.get $rowJ) (local.get $o))))
            (local.set $um (f64.mul (local.get $lm)
              (f64.load (i32.add (local.get $D) (i32.add (i32.shl (local.get $off) (i32.const 3)) (local.get $o))))))
            (f64.store (i32.add (local.get $u) (local.get $o)) (local.get $um))
            (local.set $d (f64.sub (local.get $d) (f64.mul (local.get $lm) (local.get $um))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $scale)))
        (local.set $s (f64.convert_i32_s
          (i32.load8_s (i32.add (local.get $sign) (i32.add (local.get $off) (local.get $j))))))
        (if (i32.eqz (f64.gt (f64.mul (local.get $s) (local.get $d)) (local.get $eps)))
          (then
            (local.set $d (f64.mul (local.get $s) (local.get $delta)))
            (local.set $replaced (i32.add (local.get $replaced) (i32.const 1)))))
        (local.set $at (i32.shl (i32.add (local.get $off) (local.get $j)) (i32.const 3)))
        (f64.store (i32.add (local.get $D) (local.get $at)) (local.get $d))
        (local.set $dinv (f64.div (f64.const 1) (local.get $d)))
        (f64.store (i32.add (local.get $Dinv) (local.get $at)) (local.get $dinv))
        (local.set $i (i32.add (local.get $j) (i32.const 1)))
        (block $quads
          (loop $quad
            (br_if $quads (i32.ge_s (i32.add (local.get $i) (i32.const 3)) (local.get $t)))
            (local.set $r0 (i32.add (local.get $T) (i32.mul (local.get $i) (local.get $t8))))
            (local.set $r1 (i32.add (local.get $r0) (local.get $t8)))
            (local.set $r2 (i32.add (local.get $r1) (local.get $t8)))
            (local.set $r3 (i32.add (local.get $r2) (local.get $t8)))
            (local.set $S01 (v128.const i64x2 0 0))
            (local.set $S23 (v128.const i64x2 0 0))
            (local.set $o (i32.const 0))
            (block $summed
              (loop $sum
                (br_if $summed (i32.ge_s (local.get $o) (local.get $even)))
                (local.set $A (v128.load (i32.add (local.get $r0) (local.get $o))))
                (local.set $B (v128.load (i32.add (local.get $r1) (local.get $o))))
                (local.set $C (v128.load (i32.add (local.get $r2) (local.get $o))))
                (local.set $E (v128.load (i32.add (local.get $r3) (local.get $o))))
                (local.set $V (f64x2.splat (f64.load (i32.add (local.get $u) (local.get $o)))))
                (local.set $S01 (f64x2.add (local.get $S01)
                  (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $A) (local.get $B)) (local.get $V))))
                (local.set $S23 (f64x2.add (local.get $S23)
                  (f64x2.mul (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $C) (local.get $E)) (local.get $V))))
                (local.set $V (f64x2.splat (f64.load offset=8 (i32.add (local.get $u) (local.get $o)))))
                (local.set $S01 (f64x2.add (local.get $S01)
                  (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $A) (local.get $B)) (local.get $V))))
                (local.set $S23 (f64x2.add (local.get $S23)
                  (f64x2.mul (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $C) (local.get $E)) (local.get $V))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $sum)))
            (if (i32.lt_s (local.get $o) (local.get $j8))
              (then
                (local.set $V (f64x2.splat (f64.load (i32.add (local.get $u) (local.get $o)))))
                (local.set $S01 (f64x2.add (local.get $S01)
                  (f64x2.mul
                    (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $r0) (local.get $o))))
                      (f64.load (i32.add (local.get $r1) (local.get $o))))
                    (local.get $V))))
                (local.set $S23 (f64x2.add (local.get $S23)
                  (f64x2.mul
                    (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $r2) (local.get $o))))
                      (f64.load (i32.add (local.get $r3) (local.get $o))))
                    (local.get $V))))))
            ;; T[r + j] = (T[r + j] − s)·dinv
            (local.set $at (i32.add (local.get $r0) (local.get $j8)))
            (f64.store (local.get $at) (f64.mul (f64.sub (f64.load (local.get $at))
              (f64x2.extract_lane 0 (local.get $S01))) (local.get $dinv)))
            (local.set $at (i32.add (local.get $r1) (local.get $j8)))
            (f64.store (local.get $at) (f64.mul (f64.sub (f64.load (local.get $at))
              (f64x2.extract_lane 1 (local.get $S01))) (local.get $dinv)))
            (local.set $at (i32.add (local.get $r2) (local.get $j8)))
            (f64.store (local.get $at) (f64.mul (f64.sub (f64.load (local.get $at))
              (f64x2.extract_lane 0 (local.get $S23))) (local.get $dinv)))
            (local.set $at (i32.add (local.get $r3) (local.get $j8)))
            (f64.store (local.get $at) (f64.mul (f64.sub (f64.load (local.get $at))
              (f64x2.extract_lane 1 (local.get $S23))) (local.get $dinv)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $quad)))
        (block $ones
          (loop $one
            (br_if $ones (i32.ge_s (local.get $i) (local.get $t)))
            (local.set $r0 (i32.add (local.get $T) (i32.mul (local.get $i) (local.get $t8))))
            (local.set $at (i32.add (local.get $r0) (local.get $j8)))
            (f64.store (local.get $at)
              (f64.mul
                (f64.sub (f64.load (local.get $at)) (call $dot (local.get $u) (local.get $r0) (local.get $j)))
                (local.get $dinv)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $one)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $pivot)))
    (local.get $replaced))

  ;; dense-kernels.ts, denseForward: x_T ← L_TT⁻¹ x_T on the t entries at byte offset x.
  (func $denseFwd (param $T i32) (param $t i32) (param $x i32)
    (local $i i32) (local $at i32)
    (block $done
      (loop $row
        (br_if $done (i32.ge_s (local.get $i) (local.get $t)))
        (local.set $at (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $at)
          (f64.sub (f64.load (local.get $at))
            (call $dot
              (i32.add (local.get $T) (i32.shl (i32.mul (local.get $i) (local.get $t)) (i32.const 3)))
              (local.get $x) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; dense-kernels.ts, denseBackward: x_T ← L_TT⁻ᵀ x_T, two entries a step (zero pivots skipped).
  (func $denseBwd (param $T i32) (param $t i32) (param $x i32)
    (local $m i32) (local $xm f64) (local $X v128) (local $row i32) (local $o i32) (local $m8 i32)
    (local $even i32) (local $at i32)
    (local.set $m (local.get $t))
    (block $done
      (loop $column
        (br_if $done (i32.le_s (local.get $m) (i32.const 0)))
        (local.set $m (i32.sub (local.get $m) (i32.const 1)))
        (local.set $m8 (i32.shl (local.get $m) (i32.const 3)))
        (local.set $xm (f64.load (i32.add (local.get $x) (local.get $m8))))
        (if (f64.ne (local.get $xm) (f64.const 0))
          (then
            (local.set $X (f64x2.splat (local.get $xm)))
            (local.set $row (i32.add (local.get $T) (i32.mul (local.get $m8) (local.get $t))))
            (local.set $even (i32.and (local.get $m8) (i32.const -16)))
            (local.set $o (i32.const 0))
            (block $pairs
              (loop $pair
                (br_if $pairs (i32.ge_s (local.get $o) (local.get $even)))
                (local.set $at (i32.add (local.get $x) (local.get $o)))
                (v128.store (local.get $at)
                  (f64x2.sub (v128.load (local.get $at))
                    (f64x2.mul (v128.load (i32.add (local.get $row) (local.get $o))) (local.get $X))))
                (local.set $o (i32.add (local.get $o) (i32.const 16)))
                (br $pair)))
            (if (i32.lt_s (local.get $o) (local.get $m8))
              (then
                (local.set $at (i32.add (local.get $x) (local.get $o)))
                (f64.store (local.get $at)
                  (f64.sub (f64.load (local.get $at))
                    (f64.mul (f64.load (i32.add (local.get $row) (local.get $o))) (local.get $xm))))))))
        (br $column))))

  ;; ldl.ts, factor: the whole numeric factorisation (sparse rows, panels, Schur update, dense
  ;; tail); returns the pivots replaced. wsize: panel entries; t: tail size.
  (func (export "ldlFactor")
    (param $tab i32) (param $Kx i32) (param $diag i32) (param $sign i32) (param $ns i32)
    (param $ng i32) (param $t i32) (param $wsize i32) (param $eps f64) (param $delta f64)
    (result i32)
    (local $replaced i32) (local $T i32) (local $a i32)
    (local.set $replaced
      (call $ldlSparse (local.get $tab) (local.get $Kx) (local.get $diag) (local.get $sign)
        (local.get $ns) (local.get $eps) (local.get $delta)))
    (memory.copy (i32.load offset=80 (local.get $tab)) (i32.load offset=96 (local.get $tab))
      (i32.shl (local.get $wsize) (i32.const 3)))
    (call $ldlPanels (local.get $tab) (local.get $ns))
    (local.set $T (i32.load offset=84 (local.get $tab)))
    (memory.copy (local.get $T) (i32.load offset=100 (local.get $tab))
      (i32.shl (i32.mul (local.get $t) (local.get $t)) (i32.const 3)))
    (block $done
      (loop $diagonal
        (br_if $done (i32.ge_s (local.get $a) (local.get $t)))
        (f64.store
          (i32.add (local.get $T)
            (i32.shl (i32.add (i32.mul (local.get $a) (local.get $t)) (local.get $a)) (i32.const 3)))
          (f64.load (i32.add (local.get $diag)
            (i32.shl (i32.add (local.get $ns) (local.get $a)) (i32.const 3)))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $diagonal)))
    (call $panelSchur (local.get $tab) (local.get $ng) (local.get $t))
    (i32.add (local.get $replaced)
      (call $denseLdl (local.get $T) (local.get $t) (i32.load offset=72 (local.get $tab))
        (i32.load offset=76 (local.get $tab)) (local.get $ns) (local.get $sign) (local.get $eps)
        (local.get $delta) (i32.load offset=104 (local.get $tab)))))

  ;; ldl-solve.ts, solveOne: the whole solve L D Lᵀ x = b in place (n entries, t in the tail).
  (func (export "ldlSolve")
    (param $tab i32) (param $x i32) (param $ns i32) (param $ng i32) (param $t i32) (param $n i32)
    (local $xT i32) (local $Dinv i32) (local $o i32) (local $n8 i32) (local $even i32)
    (call $lsolve (local.get $tab) (local.get $x) (local.get $ns))
    (call $panelFwd (local.get $tab) (local.get $x) (local.get $ns) (local.get $ng))
    (local.set $xT (i32.add (local.get $x) (i32.shl (local.get $ns) (i32.const 3))))
    (call $denseFwd (i32.load offset=84 (local.get $tab)) (local.get $t) (local.get $xT))
    ;; x ← D⁻¹ x
    (local.set $Dinv (i32.load offset=76 (local.get $tab)))
    (local.set $n8 (i32.shl (local.get $n) (i32.const 3)))
    (local.set $even (i32.and (local.get $n8) (i32.const -16)))
    (block $scaled
      (loop $scale
        (br_if $scaled (i32.ge_s (local.get $o) (local.get $even)))
        (v128.store (i32.add (local.get $x) (local.get $o))
          (f64x2.mul (v128.load (i32.add (local.get $x) (local.get $o)))
            (v128.load (i32.add (local.get $Dinv) (local.get $o)))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $scale)))
    (if (i32.lt_s (local.get $o) (local.get $n8))
      (then
        (f64.store (i32.add (local.get $x) (local.get $o))
          (f64.mul (f64.load (i32.add (local.get $x) (local.get $o)))
            (f64.load (i32.add (local.get $Dinv) (local.get $o)))))))
    (call $denseBwd (i32.load offset=84 (local.get $tab)) (local.get $t) (local.get $xT))
    (call $panelBwd (local.get $tab) (local.get $x) (local.get $ns) (local.get $ng))
    (call $ltsolve (local.get $tab) (local.get $x) (local.get $ns)))
)
