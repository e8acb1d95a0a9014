package checks

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

func TestResolve_Defaults(t *testing.T) {
	c, err := resolve(Options{}, env(nil), nil)
	require.NoError(t, err)
	d := defaults()
	assert.Equal(t, d, c)
	assert.Equal(t, 3, c.clients)
	assert.Equal(t, 5, c.opsPerClient)
	assert.Equal(t, "stress", c.strategy)
}

func TestResolve_FlagBeatsEnvBeatsOptionsBeatsDefault(t *testing.T) {
	o := Options{Clients: 4, OpsPerClient: 7, Executions: 9, Budget: time.Minute}
	c, err := resolve(o,
		env(map[string]string{"WEFT_OPS": "8", "WEFT_EXECUTIONS": "10"}),
		map[string]string{"weft.executions": "11"})
	require.NoError(t, err)
	assert.Equal(t, 4, c.clients, "from Options")
	assert.Equal(t, 8, c.opsPerClient, "environment over Options")
	assert.Equal(t, 11, c.executions, "flag over environment")
	assert.Equal(t, time.Minute, c.budget)
	assert.Equal(t, 5*time.Second, c.hang, "default")
}

func TestResolve_NegativeInitMeansNone(t *testing.T) {
	c, err := resolve(Options{InitOps: -1, PostOps: -1}, env(nil), nil)
	require.NoError(t, err)
	assert.Zero(t, c.initOps)
	assert.Zero(t, c.postOps)
	c, err = resolve(Options{}, env(nil), map[string]string{"weft.init": "0"})
	require.NoError(t, err)
	assert.Zero(t, c.initOps)
}

func TestResolve_EveryBadValueIsNamed(t *testing.T) {
	cases := []struct {
		env, flag map[string]string
		opts      Options
		want      string
	}{
		{env: map[string]string{"WEFT_CLIENTS": "three"}, want: `WEFT_CLIENTS="three": "three" is not a whole number`},
		{env: map[string]string{"WEFT_CLIENTS": "0"}, want: "WEFT_CLIENTS=\"0\": 0 is below the minimum 1"},
		{env: map[string]string{"WEFT_BUDGET": "10"}, want: "WEFT_BUDGET=\"10\": \"10\" is not a duration"},
		{env: map[string]string{"WEFT_HANG": "-1s"}, want: "must be positive"},
		{env: map[string]string{"WEFT_SEED": "-3"}, want: "not an unsigned 64-bit number"},
		{env: map[string]string{"WEFT_ALLOWUNKNOWN": "maybe"}, want: "is not true or false"},
		{env: map[string]string{"WEFT_STRATEGY": "chaos"}, want: `unknown strategy "chaos"`},
		{flag: map[string]string{"weft.ops": "x"}, want: `flag -weft.ops="x"`},
		{opts: Options{Clients: -2}, want: "clients must be at least 2 (got -2)"},
		{opts: Options{Clients: 1}, want: "clients must be at least 2 (got 1): one client has no concurrency to check"},
		{opts: Options{Clients: 100}, want: "clients must be at most 64"},
		{opts: Options{Executions: -1}, want: "executions must be at least 1"},
		{opts: Options{Budget: -time.Second}, want: "budget must be positive"},
		{opts: Options{Strategy: "loom"}, want: `unknown strategy "loom"`},
		{flag: map[string]string{"weft.maxsteps": "5"}, want: "below the minimum 10"},
		{opts: Options{ObstructionFree: true}, want: "the obstruction-freedom check freezes goroutines, which needs a controlled strategy"},
		{flag: map[string]string{"weft.preemptions": "-1"}, want: "below the minimum 0"},
		{env: map[string]string{"WEFT_JUDGE": "f.json"}, want: "-weft.judge=f.json needs -weft.judgeout"},
		{flag: map[string]string{"weft.judge": "f.json", "weft.judgeout": "d"}, opts: Options{Replay: "g.json"}, want: "-weft.judge and -weft.replay exclude each other"},
	}
	for _, tc := range cases {
		_, err := resolve(tc.opts, env(tc.env), tc.flag)
		if assert.Error(t, err, "%+v", tc) {
			assert.Contains(t, err.Error(), tc.want)
		}
	}
}

func TestResolve_ReportsAllErrorsAtOnce(t *testing.T) {
	_, err := resolve(Options{}, env(map[string]string{"WEFT_CLIENTS": "x", "WEFT_OPS": "y"}), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "WEFT_CLIENTS")
	assert.Contains(t, err.Error(), "WEFT_OPS")
}

func TestFlagValue_RejectsBadSyntaxWhenParsed(t *testing.T) {
	fv := flagValues["weft.budget"]
	require.NotNil(t, fv)
	assert.Error(t, fv.Set("soon"))
	assert.NoError(t, fv.Set("2m"))
	assert.Equal(t, "2m", fv.String())
	fv.value = "" // leave the global flag as it was
	assert.True(t, flagValues["weft.v"].IsBoolFlag())
	assert.False(t, flagValues["weft.clients"].IsBoolFlag())
}

func TestSettings_HaveUniqueNamesAndEnvTwins(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range settings {
		assert.False(t, seen[s.name], s.name)
		seen[s.name] = true
		assert.Regexp(t, `^WEFT_[A-Z]+$`, s.envName())
		assert.NotEmpty(t, s.usage)
	}
}
