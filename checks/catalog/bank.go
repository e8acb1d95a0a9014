package catalog

import (
	"pgregory.net/rapid"

	"github.com/weftlab/weft/checks"
	"github.com/weftlab/weft/impls/bank"
	"github.com/weftlab/weft/models"
)

type transferer interface {
	Transfer(from, to, amount int) bool
	Balance(a int) int
}

// bankOps draws transfers between n accounts (ring: only i → i+1 mod n, the
// shape of the three-lock cycle) and balance reads.
func bankOps[B transferer](n int, ring bool) []checks.Op[B, models.BankInput, models.BankOutput] {
	return []checks.Op[B, models.BankInput, models.BankOutput]{
		{
			Name: "transfer",
			Input: rapid.Custom(func(t *rapid.T) models.BankInput {
				from := rapid.IntRange(0, n-1).Draw(t, "from")
				to := (from + 1) % n
				if !ring {
					to = (from + rapid.IntRange(1, n-1).Draw(t, "offset")) % n
				}
				amount := rapid.IntRange(1, models.InitialBalance+2).Draw(t, "amount")
				return models.BankInput{Op: models.BankTransfer, From: from, To: to, Amount: amount}
			}),
			Run: func(b B, in models.BankInput) models.BankOutput {
				return models.BankOutput{OK: b.Transfer(in.From, in.To, in.Amount)}
			},
		},
		{
			Name: "balance",
			Input: rapid.Custom(func(t *rapid.T) models.BankInput {
				return models.BankInput{Op: models.BankBalance, Account: rapid.IntRange(0, n-1).Draw(t, "account")}
			}),
			Run: func(b B, in models.BankInput) models.BankOutput {
				return models.BankOutput{Balance: b.Balance(in.Account)}
			},
		},
	}
}

// The op sets of the entries, which Go instantiates for their banks:
// transfers between any two of two or three accounts, or around a ring of
// three.
func twoAccountOps[B transferer]() []checks.Op[B, models.BankInput, models.BankOutput] {
	return bankOps[B](2, false)
}

func threeAccountOps[B transferer]() []checks.Op[B, models.BankInput, models.BankOutput] {
	return bankOps[B](3, false)
}

func ringOfThreeOps[B transferer]() []checks.Op[B, models.BankInput, models.BankOutput] {
	return bankOps[B](3, true)
}

var banks = []Entry{
	entry("11.1", checks.Ok, "bank/ordered", models.Bank(3),
		func() *bank.OrderedBank { return bank.NewOrderedBank(3, models.InitialBalance) }, threeAccountOps),
	entry("11.1", checks.PotentialDeadlock, "bank/two-lock", models.Bank(2),
		func() *bank.DirectionalBank { return bank.NewDirectionalBank(2, models.InitialBalance) }, twoAccountOps),
	entry("11.1", checks.PotentialDeadlock, "bank/three-lock-ring", models.Bank(3),
		func() *bank.DirectionalBank { return bank.NewDirectionalBank(3, models.InitialBalance) }, ringOfThreeOps),
}
