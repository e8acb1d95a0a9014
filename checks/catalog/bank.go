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

var banks = []Entry{
	entry("11.1", checks.Ok, checks.Structure[*bank.OrderedBank, models.BankInput, models.BankOutput]{
		Name: "bank/ordered", Model: models.Bank(3),
		New: func() *bank.OrderedBank { return bank.NewOrderedBank(3, models.InitialBalance) }, Ops: bankOps[*bank.OrderedBank](3, false),
	}),
	entry("11.1", checks.PotentialDeadlock, checks.Structure[*bank.DirectionalBank, models.BankInput, models.BankOutput]{
		Name: "bank/two-lock", Model: models.Bank(2),
		New: func() *bank.DirectionalBank { return bank.NewDirectionalBank(2, models.InitialBalance) }, Ops: bankOps[*bank.DirectionalBank](2, false),
	}),
	entry("11.1", checks.PotentialDeadlock, checks.Structure[*bank.DirectionalBank, models.BankInput, models.BankOutput]{
		Name: "bank/three-lock-ring", Model: models.Bank(3),
		New: func() *bank.DirectionalBank { return bank.NewDirectionalBank(3, models.InitialBalance) }, Ops: bankOps[*bank.DirectionalBank](3, true),
	}),
}
