package models

import (
	"fmt"
	"strings"
)

// BankOp is an operation on a [Bank].
type BankOp uint8

// The operations of a [Bank].
const (
	BankBalance  BankOp = iota // read one account
	BankTransfer               // move money between two accounts
)

var bankOps = opCodec[BankOp]{"balance", "transfer"}

func (op BankOp) String() string               { return bankOps.name(op) }
func (op BankOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *BankOp) UnmarshalText(b []byte) error {
	v, err := bankOps.parse(b)
	*op = v
	return err
}

// MaxAccounts is the most accounts a [Bank] model holds.
const MaxAccounts = 4

// InitialBalance is what every account of a [Bank] holds at the start.
const InitialBalance = 10

// Accounts are the balances of a bank, by account number.
type Accounts [MaxAccounts]int

// BankInput is a call on a [Bank]: balance(Account), or transfer(From, To,
// Amount).
type BankInput struct {
	Op      BankOp `json:"op"`
	Account int    `json:"account,omitempty"`
	From    int    `json:"from,omitempty"`
	To      int    `json:"to,omitempty"`
	Amount  int    `json:"amount,omitempty"`
}

// BankOutput is what a call on a [Bank] returns: the balance, for balance;
// whether the money moved, for transfer.
type BankOutput struct {
	Balance int  `json:"balance,omitempty"`
	OK      bool `json:"ok,omitempty"`
}

// Bank specifies n accounts (at most MaxAccounts) that start with
// InitialBalance each. transfer(from, to, amount) moves amount if from
// holds at least that much and reports whether it did; balance(a) returns
// the balance of a. Money is neither created nor lost.
//
// It is the behaviour of the guide's bank transfer (11.1), whose two
// locks, taken in the order of the transfer's direction, deadlock.
func Bank(n int) Model[Accounts, BankInput, BankOutput] {
	if n < 1 || n > MaxAccounts {
		panic(fmt.Sprintf("models.Bank: %d accounts; want 1 to %d", n, MaxAccounts))
	}
	return Model[Accounts, BankInput, BankOutput]{
		Name: fmt.Sprintf("bank of %d accounts", n),
		Init: func() Accounts {
			var a Accounts
			for i := range n {
				a[i] = InitialBalance
			}
			return a
		},
		Apply: func(a Accounts, in BankInput) (BankOutput, Accounts) {
			if in.Op == BankBalance {
				return BankOutput{Balance: a[in.Account]}, a
			}
			if a[in.From] < in.Amount {
				return BankOutput{}, a
			}
			a[in.From] -= in.Amount
			a[in.To] += in.Amount
			return BankOutput{OK: true}, a
		},
		DescribeInput: func(in BankInput) string {
			if in.Op == BankBalance {
				return fmt.Sprintf("balance(%d)", in.Account)
			}
			return fmt.Sprintf("transfer(%d→%d, %d)", in.From, in.To, in.Amount)
		},
		DescribeOperation: func(in BankInput, out BankOutput) string {
			if in.Op == BankBalance {
				return fmt.Sprintf("balance(%d) → %d", in.Account, out.Balance)
			}
			if !out.OK {
				return fmt.Sprintf("transfer(%d→%d, %d) → refused", in.From, in.To, in.Amount)
			}
			return fmt.Sprintf("transfer(%d→%d, %d) → ok", in.From, in.To, in.Amount)
		},
		DescribeState: func(a Accounts) string {
			parts := make([]string, n)
			for i := range n {
				parts[i] = fmt.Sprintf("%d: %d", i, a[i])
			}
			return "[" + strings.Join(parts, ", ") + "]"
		},
	}
}
